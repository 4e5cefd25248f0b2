/// A data item requested by FETCH (RFC 9051 §6.4.5, RFC 3501 §6.4.5,
/// RFC 7162 §3.1.4). The macros ALL, FAST and FULL arrive expanded.
public enum IMAPFetchAttribute: Hashable, Sendable {
    case envelope
    case flags
    case internalDate
    /// `RFC822`: like BODY[] (sets \Seen); answered as `RFC822`.
    case rfc822
    /// `RFC822.HEADER`: like BODY.PEEK[HEADER].
    case rfc822Header
    /// `RFC822.TEXT`: like BODY[TEXT] (sets \Seen).
    case rfc822Text
    case rfc822Size
    /// `BODY`: the body structure without extension data.
    case body
    case bodyStructure
    case uid
    /// RFC 7162 §3.1.4.
    case modSeq
    /// `BODY[section]<partial>` or, with `peek`, `BODY.PEEK[...]`.
    case bodySection(IMAPSection, partial: IMAPPartial?, peek: Bool)
    /// `BINARY[part]<partial>` or `BINARY.PEEK[...]` (RFC 3516 §4.2).
    case binary(part: [Int], partial: IMAPPartial?, peek: Bool)
    /// `BINARY.SIZE[part]` (RFC 3516 §4.2).
    case binarySize(part: [Int])

    /// Whether fetching it sets \Seen (RFC 9051 §6.4.5).
    public var setsSeen: Bool {
        switch self {
        case .rfc822, .rfc822Text: true
        case .bodySection(_, _, let peek), .binary(_, _, let peek): !peek
        default: false
        }
    }

    /// `FAST`: FLAGS INTERNALDATE RFC822.SIZE.
    public static let fast: [IMAPFetchAttribute] = [.flags, .internalDate, .rfc822Size]
    /// `ALL`: FAST plus ENVELOPE.
    public static let all: [IMAPFetchAttribute] = fast + [.envelope]
    /// `FULL`: ALL plus BODY.
    public static let full: [IMAPFetchAttribute] = all + [.body]
}

/// The data items and modifiers of one FETCH.
public struct IMAPFetchRequest: Sendable, Equatable {
    public var attributes: [IMAPFetchAttribute]
    /// `(CHANGEDSINCE n)` (RFC 7162 §3.1.4.1).
    public var changedSince: UInt64?
    /// `(VANISHED)` of UID FETCH (RFC 7162 §3.2.6).
    public var vanished: Bool

    public init(attributes: [IMAPFetchAttribute], changedSince: UInt64? = nil, vanished: Bool = false) {
        self.attributes = attributes
        self.changedSince = changedSince
        self.vanished = vanished
    }
}
