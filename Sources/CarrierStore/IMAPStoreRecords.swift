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
    /// Octets of the \Deleted messages (DELETED-STORAGE, RFC 9208 §4.1.4).
    public var deletedSize: Int64

    public init(messages: Int, unseen: Int, deleted: Int, size: Int64, deletedSize: Int64 = 0) {
        self.messages = messages
        self.unseen = unseen
        self.deleted = deleted
        self.size = size
        self.deletedSize = deletedSize
    }
}

/// What changed in a mailbox since a mod-sequence: the mailbox's counters,
/// the messages added or changed after it, and the UIDs expunged after it.
/// When the store's expunge record no longer reaches back that far
/// (`expunge_floor`), `presentUIDs` lists every UID the mailbox holds, so
/// the reader can tell which of its messages are gone.
public struct IMAPMailboxChanges: Sendable {
    public var mailbox: MailboxRecord
    /// The mod-sequence these changes come after.
    public var sinceModSeq: Int64
    /// Ascending by UID.
    public var changed: [MessageRecord]
    /// Ascending by UID.
    public var expunged: [IMAPExpungedUID]
    /// Every UID in the mailbox, when some expunges after `sinceModSeq` are no longer recorded; nil otherwise.
    public var presentUIDs: [Int64]?
    /// Expunges at or below this mod-sequence are no longer recorded.
    public var expungeFloor: Int64

    public init(mailbox: MailboxRecord, sinceModSeq: Int64, changed: [MessageRecord], expunged: [IMAPExpungedUID],
                presentUIDs: [Int64]? = nil, expungeFloor: Int64 = 0) {
        self.mailbox = mailbox
        self.sinceModSeq = sinceModSeq
        self.changed = changed
        self.expunged = expunged
        self.presentUIDs = presentUIDs
        self.expungeFloor = expungeFloor
    }

    /// The same changes as seen from a later mod-sequence `modSeq`
    /// (at least `sinceModSeq`): what happened at or before it left out.
    public func since(_ modSeq: Int64) -> IMAPMailboxChanges {
        guard modSeq > sinceModSeq else { return self }
        return IMAPMailboxChanges(mailbox: mailbox, sinceModSeq: modSeq,
                                  changed: changed.filter { $0.modSeq > modSeq },
                                  expunged: expunged.filter { $0.modSeq > modSeq },
                                  presentUIDs: modSeq < expungeFloor ? presentUIDs : nil,
                                  expungeFloor: expungeFloor)
    }
}

/// A UID expunged from a mailbox and the mod-sequence of its expunge.
public struct IMAPExpungedUID: Equatable, Sendable {
    public var uid: Int64
    public var modSeq: Int64

    public init(uid: Int64, modSeq: Int64) {
        self.uid = uid
        self.modSeq = modSeq
    }
}

/// The UIDs expunged after a mod-sequence (RFC 7162 §3.2.5.1, §3.2.6).
/// `complete` is false when the store's record does not reach back that
/// far: some older expunges may be missing, and the caller must treat
/// every known UID that no longer exists as expunged.
public struct IMAPExpungedUIDs: Equatable, Sendable {
    public var uids: [Int64]
    public var complete: Bool

    public init(uids: [Int64], complete: Bool) {
        self.uids = uids
        self.complete = complete
    }
}

/// How much of the store a user occupies, for QUOTA (RFC 9208 §5.1, §5.2)
/// and `mailbox_size_limit`.
public struct StorageUsage: Equatable, Sendable {
    public var messages: Int
    /// Octets of all the user's messages, every mailbox together.
    public var bytes: Int64

    public init(messages: Int, bytes: Int64) {
        self.messages = messages
        self.bytes = bytes
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
