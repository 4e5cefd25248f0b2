import MailCore

/// A mailbox as IMAP LIST shows it: the record and whether it is subscribed
/// (RFC 9051 §6.3.7).
public struct IMAPMailboxEntry: Equatable, Sendable {
    public var mailbox: MailboxRecord
    public var subscribed: Bool

    public init(mailbox: MailboxRecord, subscribed: Bool) {
        self.mailbox = mailbox
        self.subscribed = subscribed
    }
}

/// The counters STATUS reports (RFC 9051 §6.3.11, RFC 8438).
public struct IMAPMailboxCounts: Equatable, Sendable {
    public var messages: Int
    public var unseen: Int
    public var deleted: Int
    /// Octets of all messages together.
    public var size: Int64

    public init(messages: Int, unseen: Int, deleted: Int, size: Int64) {
        self.messages = messages
        self.unseen = unseen
        self.deleted = deleted
        self.size = size
    }
}

/// What changed in a mailbox since a mod-sequence: the mailbox's counters,
/// the messages added or changed after it and, when anything changed, every
/// UID still present (so expunges can be found without loading rows).
public struct IMAPMailboxChanges: Sendable {
    public var mailbox: MailboxRecord
    public var changed: [MessageRecord]
    public var uids: [Int64]?

    public init(mailbox: MailboxRecord, changed: [MessageRecord], uids: [Int64]?) {
        self.mailbox = mailbox
        self.changed = changed
        self.uids = uids
    }
}

/// New flags for one message of a STORE (RFC 9051 §6.4.6).
public struct IMAPFlagUpdate: Equatable, Sendable {
    public var uid: Int64
    public var flags: [String]

    public init(uid: Int64, flags: [String]) {
        self.uid = uid
        self.flags = flags
    }
}

/// One message of an APPEND (RFC 9051 §6.3.12).
public struct IMAPAppendRequest: Sendable {
    public var content: [UInt8]
    public var metadata: MessageMetadata
    public var flags: [String]
    /// Seconds since 1970.
    public var internalDate: Int64

    public init(content: [UInt8], metadata: MessageMetadata, flags: [String], internalDate: Int64) {
        self.content = content
        self.metadata = metadata
        self.flags = flags
        self.internalDate = internalDate
    }
}

/// Why a mailbox operation of IMAP was refused.
public enum IMAPStoreError: Error, Equatable, Sendable {
    case mailboxExists(String)
    case noSuchMailbox(String)
}
