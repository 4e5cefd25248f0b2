/// Octet classes of the RFC 5322 §3.2 lexical grammar, extended to UTF-8 as
/// RFC 6531 §3.3 and RFC 6532 §3.2 allow.
enum RFC5322ASCII {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let openParen = UInt8(ascii: "(")
    static let closeParen = UInt8(ascii: ")")
    static let colon = UInt8(ascii: ":")
    static let equals = UInt8(ascii: "=")
    static let question = UInt8(ascii: "?")
    static let semicolon = UInt8(ascii: ";")

    /// WSP (RFC 5234 B.1): space or horizontal tab.
    static func isWSP(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    /// WSP or a line-break octet, as found in unfolded or raw field bodies.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == cr || byte == lf
    }

    /// atext (RFC 5322 §3.2.3) plus any non-ASCII octet (RFC 6531 §3.3).
    static func isAtext(_ byte: UInt8) -> Bool {
        byte >= 0x80 || SMTPCharacterClass.isAtext(byte)
    }

    /// ftext (RFC 5322 §3.6.8): printable US-ASCII except colon.
    static func isFtext(_ byte: UInt8) -> Bool {
        byte >= 33 && byte <= 126 && byte != colon
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isAlpha(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// The value of a hexadecimal digit, either case, or nil.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    /// ASCII-only case-insensitive comparison, as field names require (§1.2.2).
    static func equalsIgnoringCase(_ lhs: some StringProtocol, _ rhs: some StringProtocol) -> Bool {
        lhs.utf8.elementsEqual(rhs.utf8) { ($0 | lowerBit($0)) == ($1 | lowerBit($1)) }
    }

    private static func lowerBit(_ byte: UInt8) -> UInt8 {
        isAlpha(byte) ? 0x20 : 0
    }
}
