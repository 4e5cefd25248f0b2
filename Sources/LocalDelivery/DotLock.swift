#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `PATH.lock` file of mbox(5) that mailx, mutt, procmail and Postfix
/// local(8) create beside a mailbox. It is made the NFS-safe way liblockfile
/// uses: a uniquely named file is created with `O_CREAT|O_EXCL`, hard-linked to
/// `PATH.lock`, and the link count of the unique file tells whether the link
/// took. A lock older than five minutes is left over from a crash and removed
/// (the convention of liblockfile and procmail; two waiters may both judge the
/// same lock stale, a race every dotlock implementation shares).
struct DotLock {
    /// Seconds after which another process's lock file counts as stale.
    static let staleAge = 300

    let path: String
    let device: dev_t
    let inode: ino_t

    /// Creates `mailbox.lock`, retrying until `deadline`.
    static func acquire(for mailbox: String, deadline: ContinuousClock.Instant) throws -> DotLock {
        let path = mailbox + ".lock"
        let temporary = uniqueName(beside: mailbox)
        var attempt = 0
        while true {
            if let lock = try create(path, via: temporary) { return lock }
            if removeIfStale(path) { continue }
            attempt += 1
            guard MailboxFileLock.pauseBeforeRetry(attempt: attempt, deadline: deadline) else {
                throw MailboxDeliveryError.temporary("cannot lock mailbox \(mailbox): \(path) is held by another process")
            }
        }
    }

    /// Removes the lock file, unless it is no longer the one this process made.
    func release() {
        var info = stat()
        if lstat(path, &info) == 0 && info.st_dev == device && info.st_ino == inode {
            unlink(path)
        }
    }

    /// One attempt: nil when another process holds the lock.
    static func create(_ path: String, via temporary: String) throws -> DotLock? {
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw MailboxDeliveryError.system("create lock file", temporary, errno) }
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        defer { unlink(temporary) }
        let linked = link(temporary, path) == 0
        let linkError = errno
        var info = stat()
        if lstat(temporary, &info) == 0 && info.st_nlink == 2 {
            return DotLock(path: path, device: info.st_dev, inode: info.st_ino)
        }
        if !linked && linkError != EEXIST { throw MailboxDeliveryError.system("create lock file", path, linkError) }
        return nil
    }

    /// True when the lock is gone or was stale and has been removed: try again at once.
    static func removeIfStale(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT }
        #if os(Linux)
        let modified = info.st_mtim.tv_sec
        #else
        let modified = info.st_mtimespec.tv_sec
        #endif
        guard time(nil) - modified > staleAge else { return false }
        return unlink(path) == 0 || errno == ENOENT
    }

    /// `DIR/.NAME.lkPID.RANDOM`: in the mailbox's directory (so `link(2)` works),
    /// hidden, and unique across processes and threads.
    static func uniqueName(beside mailbox: String) -> String {
        let slash = mailbox.lastIndex(of: "/")
        let directory = slash.map { String(mailbox[...$0]) } ?? ""
        let name = slash.map { String(mailbox[mailbox.index(after: $0)...]) } ?? mailbox
        return "\(directory).\(name).lk\(getpid()).\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
    }
}
