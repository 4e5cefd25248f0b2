import Ingress
import Logging

/// What every IMAP and POP3 connection shares: the services of the mail
/// system (settings, store, directory, the brute-force limiter shared with
/// SMTP AUTH), the loggers, and the registries that coordinate sessions of
/// one mailbox.
public struct MailboxServices: Sendable {
    public var ingress: IngressServices
    /// `carrier/pop3d`.
    public var pop3Logger: Logger
    /// `carrier/imapd`.
    public var imapLogger: Logger
    /// One POP3 session per maildrop (RFC 1939 §8).
    public let maildropLocks: MaildropLocks
    /// Tells sessions of a mailbox that another session or a delivery changed it.
    public let changes: MailboxChangeNotifier
    /// Selected mailboxes' message lists, shared by the sessions viewing them.
    public let views: IMAPViewCache
    /// Reads a mailbox's changes once for all the sessions that ask together.
    public let changeReader: IMAPChangeReader

    public init(ingress: IngressServices, pop3Logger: Logger, imapLogger: Logger, maildropLocks: MaildropLocks,
                changes: MailboxChangeNotifier, views: IMAPViewCache = IMAPViewCache(),
                changeReader: IMAPChangeReader = IMAPChangeReader()) {
        self.ingress = ingress
        self.pop3Logger = pop3Logger
        self.imapLogger = imapLogger
        self.maildropLocks = maildropLocks
        self.changes = changes
        self.views = views
        self.changeReader = changeReader
    }
}
