#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MailCore

/// Delivers to a system account's mbox file in the mail spool, as Postfix
/// local(8) does with `mail_spool_directory = /var/spool/mail`: each message is
/// appended to `SPOOL/NAME` in the RFC 4155 / mbox(5) format of `MboxFormat`
/// (From_ line, `Return-Path:` and `Delivered-To:` headers, `>From ` quoting,
/// blank separator), under both locks of `MailboxFileLock`, and fsynced before
/// `deliver` returns.
///
/// A missing mailbox is created with mode 0600, owned by the account and the
/// `mail` group (the account's own group when there is none) — when running as
/// root. Otherwise mail is written as the current user, and the mailbox must be
/// that user's. A mailbox that is a symbolic link, not a regular file, has
/// several hard links or another owner is refused permanently; a failed or
/// partial append is cut off again, so no half message stays in the mailbox.
public struct MboxDeliveryAgent: Sendable {
    public let spoolDirectory: String
    /// How long to wait for the mailbox locks before deferring.
    public let lockTimeout: Duration

    public init(spoolDirectory: String, lockTimeout: Duration = .seconds(30)) {
        self.spoolDirectory = spoolDirectory
        self.lockTimeout = lockTimeout
    }

    /// `SPOOL/NAME`; a name that is empty, `.`, `..` or contains `/` would
    /// leave the spool and is refused permanently.
    public func mailboxPath(for account: SystemAccount) throws -> String {
        let name = account.name
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/") else {
            throw MailboxDeliveryError.permanent("mailbox name \"\(name)\" is outside the spool directory \(spoolDirectory)")
        }
        return spoolDirectory.hasSuffix("/") ? spoolDirectory + name : "\(spoolDirectory)/\(name)"
    }

    /// Appends one message (CRLF or LF line ends) durably.
    /// - Parameter arrival: seconds since 1970, for the From_ line.
    public func deliver(_ content: [UInt8], sender: String, recipient: String, arrival: Int64, to account: SystemAccount) throws {
        let path = try mailboxPath(for: account)
        let entry = MboxFormat.entry(content, sender: sender, secondsSince1970: arrival,
                                     prependedHeaders: ["Return-Path: <\(sender)>", "Delivered-To: \(recipient)"])
        let asRoot = geteuid() == 0
        let owner = asRoot ? (uid: account.uid, gid: SystemAccount.mailGroupID() ?? account.gid) : nil
        try MailboxFileLock.withLock(path: path, timeout: lockTimeout, creatingWith: owner) { fd in
            var info = stat()
            guard fstat(fd, &info) == 0 else { throw MailboxDeliveryError.system("examine mailbox", path, errno) }
            let expectedOwner = asRoot ? account.uid : geteuid()
            guard info.st_uid == expectedOwner else {
                throw MailboxDeliveryError.permanent("mailbox \(path) is owned by uid \(info.st_uid), not by \(account.name) (uid \(expectedOwner))")
            }
            try Self.append(entry, to: fd, at: info.st_size, path: path)
        }
    }

    /// Writes and fsyncs at `size`; on any failure truncates back to `size`.
    static func append(_ entry: [UInt8], to fd: Int32, at size: off_t, path: String) throws {
        var code = FileWriter.write(entry, to: fd, at: size)
        if code == 0 && fsync(fd) != 0 { code = errno }
        guard code != 0 else { return }
        let restored = ftruncate(fd, size) == 0 && fsync(fd) == 0
        let error = MailboxDeliveryError.system("append to mailbox", path, code)
        throw restored ? error : .temporary(error.reason + " (and could not truncate it back to \(size) bytes)")
    }
}
