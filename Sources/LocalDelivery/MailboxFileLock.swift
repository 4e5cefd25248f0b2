#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exclusive access to a Unix mailbox file, taking both locks that mbox(5)
/// readers and writers agree on (RFC 4155 leaves locking to the system; Debian's
/// Postfix local(8) uses `mailbox_delivery_lock = fcntl, dotlock`, as do mutt,
/// mailx and procmail):
///
/// 1. the dotlock `PATH.lock` (see `DotLock`), then
/// 2. the mailbox opened `O_RDWR | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK | O_CLOEXEC`
///    — no `O_APPEND`, so a caller that rewrites or truncates the mailbox can
///    use the same lock; an appender writes at the size it reads with `fstat`,
///    which nobody else changes while both locks are held — created with mode
///    0600 if missing, then
/// 3. an fcntl write lock on the whole file. On Linux it is an open file
///    description lock (`F_OFD_SETLK`): it conflicts with the classic
///    `F_SETLK` locks other programs take, and unlike them it also excludes
///    other threads of this process and is not dropped when some other
///    descriptor of the file is closed.
///
/// Both locks are polled until the one `timeout` runs out and are released
/// when `body` returns or throws. The calls block: run them on a thread that may.
public enum MailboxFileLock {
    /// Runs `body` with the locked mailbox's descriptor (valid only inside `body`).
    ///
    /// - Parameter owner: given when the mailbox is created here, the new file is
    ///   `fchown`ed to it (only root may give another user's ids); an existing
    ///   mailbox keeps its owner and mode.
    /// - Throws: `MailboxDeliveryError.temporary` on lock timeout or a failed
    ///   system call; `.permanent` when the path is a symbolic link, not a regular
    ///   file, or has more than one hard link.
    public static func withLock<T>(path: String, timeout: Duration = .seconds(30),
                                   creatingWith owner: (uid: uid_t, gid: gid_t)? = nil,
                                   _ body: (Int32) throws -> T) throws -> T {
        let deadline = ContinuousClock.now + timeout
        let dotLock = try DotLock.acquire(for: path, deadline: deadline)
        defer { dotLock.release() }
        let fd = try openMailbox(path, owner: owner)
        defer { close(fd) }
        try lockFile(fd, path: path, deadline: deadline)
        defer { setLock(fd, type: F_UNLCK) }
        return try body(fd)
    }

    /// Opens the existing mailbox or creates it (`O_EXCL`, mode 0600, `owner`).
    static func openMailbox(_ path: String, owner: (uid: uid_t, gid: gid_t)?) throws -> Int32 {
        let flags = O_RDWR | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK | O_CLOEXEC
        var fd = open(path, flags)
        if fd < 0 && errno == ENOENT {
            fd = open(path, flags | O_CREAT | O_EXCL, 0o600)
            if fd >= 0 {
                guard fchmod(fd, 0o600) == 0, owner.map({ fchown(fd, $0.uid, $0.gid) == 0 }) ?? true else {
                    let code = errno
                    unlink(path)
                    close(fd)
                    throw MailboxDeliveryError.system("set owner and mode of new mailbox", path, code)
                }
            }
        }
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ELOOP: throw MailboxDeliveryError.permanent("mailbox \(path) is a symbolic link")
            case EISDIR: throw MailboxDeliveryError.permanent("mailbox \(path) is not a regular file")
            default: throw MailboxDeliveryError.system("open mailbox", path, code)
            }
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw MailboxDeliveryError.system("examine mailbox", path, code)
        }
        let problem = (info.st_mode & S_IFMT) != S_IFREG ? "is not a regular file"
            : info.st_nlink != 1 ? "has \(info.st_nlink) hard links" : nil
        if let problem {
            close(fd)
            throw MailboxDeliveryError.permanent("mailbox \(path) \(problem)")
        }
        return fd
    }

    /// Takes the whole-file write lock, retrying while another holder keeps it.
    static func lockFile(_ fd: Int32, path: String, deadline: ContinuousClock.Instant) throws {
        var attempt = 0
        while setLock(fd, type: F_WRLCK) != 0 {
            let code = errno
            guard code == EAGAIN || code == EACCES || code == EINTR else {
                throw MailboxDeliveryError.system("lock mailbox", path, code)
            }
            attempt += 1
            guard pauseBeforeRetry(attempt: attempt, deadline: deadline) else {
                throw MailboxDeliveryError.temporary("cannot lock mailbox \(path): fcntl lock held by another process")
            }
        }
    }

    #if os(Linux)
    /// `F_OFD_SETLK` from <fcntl.h>, which Glibc's Swift module does not export.
    static let setLockCommand: Int32 = 37
    #else
    static let setLockCommand = F_SETLK
    #endif

    @discardableResult
    static func setLock(_ fd: Int32, type: Int32) -> Int32 {
        var lock = flock()
        lock.l_type = Int16(type)
        lock.l_whence = Int16(SEEK_SET)
        return fcntl(fd, setLockCommand, &lock)
    }

    /// Sleeps with growing pauses (5 ms doubling to 250 ms, jittered so waiters
    /// spread out); false when the deadline has passed.
    static func pauseBeforeRetry(attempt: Int, deadline: ContinuousClock.Instant) -> Bool {
        let left = deadline - .now
        guard left > .zero else { return false }
        let pause = min(Duration.milliseconds(5 << min(attempt, 6)), .milliseconds(250), left)
        let micros = pause.components.seconds * 1_000_000 + pause.components.attoseconds / 1_000_000_000_000
        usleep(UInt32(max(1, Double(micros) * Double.random(in: 0.5...1.0))))
        return true
    }
}
