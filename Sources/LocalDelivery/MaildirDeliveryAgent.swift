#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Delivers to a Maildir in the account's home, as Postfix local(8) does with
/// `home_mailbox = Maildir/` (maildir spec, cr.yp.to/proto/maildir.html): the
/// message, with `Return-Path:` and `Delivered-To:` prepended and LF line ends,
/// is written to `tmp/UNIQUE`, fsynced, linked into `new/UNIQUE`, and the `new`
/// directory is fsynced; no lock is needed.
///
/// Missing directories (`Maildir/` and its `tmp`, `new`, `cur`) are created
/// with mode 0700 and, when running as root, given to the account, as is the
/// message file (mode 0600). Because this may run as root inside a directory
/// the user controls, every path component below the home directory is opened
/// without following symbolic links (a link there is refused permanently) and
/// all work is relative to the opened directories.
public struct MaildirDeliveryAgent: Sendable {
    /// Relative to the account's home; a trailing `/` marks Maildir as in Postfix.
    public let mailboxPath: String

    public init(mailboxPath: String = "Maildir/") {
        self.mailboxPath = mailboxPath
    }

    /// Delivers one message and returns its file name in `new/`.
    public func deliver(_ content: [UInt8], sender: String, recipient: String, to account: SystemAccount) throws -> String {
        let owner = geteuid() == 0 ? (uid: account.uid, gid: account.gid) : nil
        var directory = open(account.home, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { throw MailboxDeliveryError.system("open home directory", account.home, errno) }
        var path = account.home
        for component in mailboxPath.split(separator: "/").map(String.init) {
            path += "/" + component
            let next = try Self.openDirectory(component, in: directory, path: path, owner: owner)
            close(directory)
            directory = next
        }
        defer { close(directory) }
        let tmp = try Self.openDirectory("tmp", in: directory, path: path + "/tmp", owner: owner)
        defer { close(tmp) }
        let new = try Self.openDirectory("new", in: directory, path: path + "/new", owner: owner)
        defer { close(new) }
        close(try Self.openDirectory("cur", in: directory, path: path + "/cur", owner: owner))

        let name = MaildirUniqueName.next()
        let bytes = Array("Return-Path: <\(sender)>\nDelivered-To: \(recipient)\n".utf8) + Self.lineFeedOnly(content)
        try Self.writeFile(bytes, named: name, in: tmp, path: path + "/tmp/" + name, owner: owner)
        defer { unlinkat(tmp, name, 0) }
        guard linkat(tmp, name, new, name, 0) == 0 else {
            throw MailboxDeliveryError.system("link message into", path + "/new/" + name, errno)
        }
        guard fsync(new) == 0 else {
            let code = errno
            unlinkat(new, name, 0)
            throw MailboxDeliveryError.system("sync directory", path + "/new", code)
        }
        return name
    }

    /// Opens (creating if missing) a directory without following a symbolic link.
    static func openDirectory(_ name: String, in parent: Int32, path: String, owner: (uid: uid_t, gid: gid_t)?) throws -> Int32 {
        let created = mkdirat(parent, name, 0o700) == 0
        guard created || errno == EEXIST else { throw MailboxDeliveryError.system("create directory", path, errno) }
        let fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP || code == ENOTDIR {
                throw MailboxDeliveryError.permanent("maildir component \(path) is not a directory (symbolic links are not followed)")
            }
            throw MailboxDeliveryError.system("open directory", path, code)
        }
        if created, let owner, fchown(fd, owner.uid, owner.gid) != 0 {
            let code = errno
            close(fd)
            throw MailboxDeliveryError.system("set owner of", path, code)
        }
        return fd
    }

    /// Creates `tmp/NAME` exclusively, writes and fsyncs it; removes it on failure.
    static func writeFile(_ bytes: [UInt8], named name: String, in tmp: Int32, path: String, owner: (uid: uid_t, gid: gid_t)?) throws {
        let fd = openat(tmp, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw MailboxDeliveryError.system("create", path, errno) }
        var code = owner.map { fchown(fd, $0.uid, $0.gid) == 0 ? 0 : errno } ?? 0
        if code == 0 { code = FileWriter.write(bytes, to: fd, at: 0) }
        if code == 0 && fsync(fd) != 0 { code = errno }
        close(fd)
        guard code == 0 else {
            unlinkat(tmp, name, 0)
            throw MailboxDeliveryError.system("write", path, code)
        }
    }

    /// The message with CRLF line ends turned into LF, as Postfix writes Maildir files.
    static func lineFeedOnly(_ content: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(content.count)
        for (i, byte) in content.enumerated() where !(byte == 13 && i + 1 < content.count && content[i + 1] == 10) {
            out.append(byte)
        }
        return out
    }
}
