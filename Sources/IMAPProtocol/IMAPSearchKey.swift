/// A search key (RFC 9051 §6.4.4, RFC 3501 §6.4.4, RFC 7162 §3.1.5). String
/// arguments are decoded from the command's CHARSET; matching is the
/// session's business (substring, case-insensitive).
public indirect enum IMAPSearchKey: Hashable, Sendable {
    case all
    case answered
    case deleted
    case draft
    case flagged
    case seen
    case unanswered
    case undeleted
    case undraft
    case unflagged
    case unseen
    /// RFC 3501 only: \Recent and not \Seen.
    case new
    /// RFC 3501 only: not \Recent.
    case old
    /// RFC 3501 only: \Recent.
    case recent
    case keyword(String)
    case unkeyword(String)
    case bcc(String)
    case body(String)
    case cc(String)
    case from(String)
    case subject(String)
    case text(String)
    case to(String)
    /// `HEADER name value`; an empty value matches any message with the field.
    case header(String, String)
    /// Internal date before / on / since the day (time and zone ignored).
    case before(IMAPDate)
    case on(IMAPDate)
    case since(IMAPDate)
    /// The Date header field before / on / since the day.
    case sentBefore(IMAPDate)
    case sentOn(IMAPDate)
    case sentSince(IMAPDate)
    /// RFC822.SIZE larger / smaller than the number.
    case larger(UInt64)
    case smaller(UInt64)
    case uid(IMAPSequenceSet)
    case sequenceNumbers(IMAPSequenceSet)
    case not(IMAPSearchKey)
    case or(IMAPSearchKey, IMAPSearchKey)
    /// A parenthesised list: all must match.
    case and([IMAPSearchKey])
    /// `MODSEQ ["/flags/name" priv|shared|all] n` (RFC 7162 §3.1.5): the
    /// message's mod-sequence is at least `n`.
    case modSeq(IMAPModSeqEntry?, UInt64)
}

/// The metadata item named in a MODSEQ search key (RFC 7162 §3.1.5).
public struct IMAPModSeqEntry: Hashable, Sendable {
    /// Private, shared, or both kinds of metadata (entry-type-req).
    public enum Kind: String, Hashable, Sendable {
        case `private` = "priv"
        case shared
        case all
    }

    /// The flag whose mod-sequence is meant (`/flags/\\seen` names \Seen).
    public var flag: IMAPFlag
    public var kind: Kind

    public init(flag: IMAPFlag, kind: Kind) {
        self.flag = flag
        self.kind = kind
    }
}
