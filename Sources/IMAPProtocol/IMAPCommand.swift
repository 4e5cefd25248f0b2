/// A command with its tag, as `IMAPCommandParser` returns it.
public struct IMAPTaggedCommand: Sendable, Equatable {
    public var tag: String
    public var command: IMAPCommand

    public init(tag: String, command: IMAPCommand) {
        self.tag = tag
        self.command = command
    }
}

/// A parsed client command (RFC 9051 §6 and the extensions Carrier speaks).
///
/// Mailbox arguments are the names as sent — modified UTF-7 unless UTF-8
/// names are in effect — turn them into `IMAPMailboxName` with
/// `IMAPMailboxName(wire:utf8:)`. List patterns and quota roots are left as sent.
public enum IMAPCommand: Sendable, Equatable {
    case capability
    case noop
    case logout
    case startTLS
    /// `AUTHENTICATE mech [initial-response]`: the mechanism uppercased, the
    /// SASL-IR initial response (RFC 4959) as sent, `=` for an empty one.
    case authenticate(mechanism: String, initialResponse: String?)
    case login(username: String, password: String)
    /// `ENABLE` (RFC 5161): the capability names uppercased.
    case enable([String])
    case select(mailbox: String, IMAPSelectParameters)
    case examine(mailbox: String, IMAPSelectParameters)
    /// `CREATE name [(USE (\Sent ...))]` (RFC 6154 §3).
    case create(mailbox: String, specialUse: [IMAPMailboxAttribute])
    case delete(mailbox: String)
    case rename(from: String, to: String)
    case subscribe(mailbox: String)
    case unsubscribe(mailbox: String)
    case list(IMAPListCommand)
    case lsub(reference: String, pattern: String)
    case namespace
    case status(mailbox: String, [IMAPStatusAttribute])
    /// One or more messages (MULTIAPPEND, RFC 3502).
    case append(mailbox: String, [IMAPAppendMessage])
    case idle
    case check
    case close
    case unselect
    case expunge
    /// `UID EXPUNGE set` (RFC 4315 §2.1).
    case uidExpunge(IMAPSequenceSet)
    case search(IMAPSearchCommand, uid: Bool)
    case fetch(IMAPSequenceSet, IMAPFetchRequest, uid: Bool)
    case store(IMAPSequenceSet, IMAPStoreRequest, uid: Bool)
    case copy(IMAPSequenceSet, mailbox: String, uid: Bool)
    case move(IMAPSequenceSet, mailbox: String, uid: Bool)
    /// `ID NIL` or `ID (name value ...)` (RFC 2971 §3.1).
    case id([IMAPIDField]?)
    case getQuota(root: String)
    case getQuotaRoot(mailbox: String)
    case setQuota(root: String, [IMAPQuotaLimit])
    case sort(IMAPSortCommand, uid: Bool)
    case thread(IMAPThreadCommand, uid: Bool)
    /// `COMPRESS mechanism` (RFC 4978 §3), the mechanism uppercased.
    case compress(mechanism: String)

    /// The command name as logs show it: `FETCH`, `UID FETCH`, ...
    public var name: String {
        switch self {
        case .capability: "CAPABILITY"
        case .noop: "NOOP"
        case .logout: "LOGOUT"
        case .startTLS: "STARTTLS"
        case .authenticate: "AUTHENTICATE"
        case .login: "LOGIN"
        case .enable: "ENABLE"
        case .select: "SELECT"
        case .examine: "EXAMINE"
        case .create: "CREATE"
        case .delete: "DELETE"
        case .rename: "RENAME"
        case .subscribe: "SUBSCRIBE"
        case .unsubscribe: "UNSUBSCRIBE"
        case .list: "LIST"
        case .lsub: "LSUB"
        case .namespace: "NAMESPACE"
        case .status: "STATUS"
        case .append: "APPEND"
        case .idle: "IDLE"
        case .check: "CHECK"
        case .close: "CLOSE"
        case .unselect: "UNSELECT"
        case .expunge: "EXPUNGE"
        case .uidExpunge: "UID EXPUNGE"
        case .search(_, let uid): uid ? "UID SEARCH" : "SEARCH"
        case .fetch(_, _, let uid): uid ? "UID FETCH" : "FETCH"
        case .store(_, _, let uid): uid ? "UID STORE" : "STORE"
        case .copy(_, _, let uid): uid ? "UID COPY" : "COPY"
        case .move(_, _, let uid): uid ? "UID MOVE" : "MOVE"
        case .id: "ID"
        case .getQuota: "GETQUOTA"
        case .getQuotaRoot: "GETQUOTAROOT"
        case .setQuota: "SETQUOTA"
        case .sort(_, let uid): uid ? "UID SORT" : "SORT"
        case .thread(_, let uid): uid ? "UID THREAD" : "THREAD"
        case .compress: "COMPRESS"
        }
    }
}
