/// The section of BODY[...] (RFC 9051 §6.4.5): a part path, then what of it.
/// `BODY[]` has an empty path and no text specifier.
public struct IMAPSection: Hashable, Sendable, CustomStringConvertible {
    /// Part numbers from the outside in, each 1 or more (section-part).
    public var part: [Int]
    public var text: IMAPSectionText?

    public init(part: [Int] = [], text: IMAPSectionText? = nil) {
        self.part = part
        self.text = text
    }

    /// The section spec between the brackets, as the response echoes it.
    public var description: String {
        var pieces = part.map(String.init)
        if let text { pieces.append(text.description) }
        return pieces.joined(separator: ".")
    }
}

/// What of a part a section names (section-msgtext and section-text).
public enum IMAPSectionText: Hashable, Sendable, CustomStringConvertible {
    case header
    /// `HEADER.FIELDS (names)`: only these fields.
    case headerFields([String])
    /// `HEADER.FIELDS.NOT (names)`: all but these fields.
    case headerFieldsNot([String])
    case text
    /// The MIME header of a body part (only after a part number).
    case mime

    public var description: String {
        switch self {
        case .header: "HEADER"
        case .headerFields(let names): "HEADER.FIELDS (\(names.map(IMAPSectionText.fieldName).joined(separator: " ")))"
        case .headerFieldsNot(let names): "HEADER.FIELDS.NOT (\(names.map(IMAPSectionText.fieldName).joined(separator: " ")))"
        case .text: "TEXT"
        case .mime: "MIME"
        }
    }

    /// A header field name as an astring: an atom when it can be one.
    private static func fieldName(_ name: String) -> String {
        let bytes = Array(name.utf8)
        if !bytes.isEmpty && bytes.allSatisfy(IMAPCharacterClass.isAstringChar) { return name }
        return IMAPCharacterClass.quoted(name)
    }
}

/// `<offset.length>` of a partial fetch (RFC 9051 §6.4.5).
public struct IMAPPartial: Hashable, Sendable {
    public var offset: UInt64
    /// Octets wanted, at least 1.
    public var length: UInt64

    public init(offset: UInt64, length: UInt64) {
        self.offset = offset
        self.length = length
    }

    /// The octets of `bytes` the partial names: fewer if the data ends
    /// first, none if it starts past the end.
    public func apply<C: RandomAccessCollection<UInt8>>(to bytes: C) -> C.SubSequence {
        let start = Int(min(offset, UInt64(bytes.count)))
        let end = Int(min(UInt64(start) + min(length, UInt64(Int.max) - UInt64(start)), UInt64(bytes.count)))
        let lower = bytes.index(bytes.startIndex, offsetBy: start)
        return bytes[lower..<bytes.index(bytes.startIndex, offsetBy: end)]
    }
}
