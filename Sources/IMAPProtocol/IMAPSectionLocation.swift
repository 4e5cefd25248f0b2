import MailCore

/// Where the octets of a BODY[section] (RFC 9051 §6.4.5) come from in the
/// stored message, as `IMAPSectionExtractor.locate` finds it from the
/// message's MIME skeleton: only these octets need to be read.
public enum IMAPSectionLocation: Sendable, Equatable {
    /// The section is these octets of the message, unchanged.
    case octets(Range<Int>)
    /// HEADER.FIELDS or HEADER.FIELDS.NOT: chosen fields of the header in
    /// these octets (the header, its empty line, at most the part of it
    /// `MessageHeader.parse` examines).
    case headerFields(Range<Int>, names: [String], excluding: Bool)

    /// The octets to read.
    public var range: Range<Int> {
        switch self {
        case .octets(let range), .headerFields(let range, _, _): range
        }
    }
}
