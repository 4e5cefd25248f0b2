/// A STATUS data item (RFC 9051 §6.3.11 and extensions).
public enum IMAPStatusAttribute: String, Sendable, Equatable, CaseIterable {
    case messages = "MESSAGES"
    case uidNext = "UIDNEXT"
    case uidValidity = "UIDVALIDITY"
    case unseen = "UNSEEN"
    case deleted = "DELETED"
    /// Octets an EXPUNGE would free (RFC 9208 §4.1.4).
    case deletedStorage = "DELETED-STORAGE"
    /// RFC 8438 (STATUS=SIZE), also RFC 9051.
    case size = "SIZE"
    /// IMAP4rev1 only (RFC 3501 §6.3.10).
    case recent = "RECENT"
    /// RFC 7162 §3.1.6.
    case highestModSeq = "HIGHESTMODSEQ"
    /// RFC 7889 §3.2.
    case appendLimit = "APPENDLIMIT"
}

/// One item of a STATUS response: the attribute and its value.
public struct IMAPStatusItem: Sendable, Equatable {
    public var attribute: IMAPStatusAttribute
    /// The value; nil only for `APPENDLIMIT NIL` (no limit, RFC 7889 §3.2).
    public var value: UInt64?

    public init(_ attribute: IMAPStatusAttribute, _ value: UInt64?) {
        self.attribute = attribute
        self.value = value
    }
}
