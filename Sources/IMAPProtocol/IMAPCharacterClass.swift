/// Octet classes of the IMAP grammar (RFC 9051 §9).
enum IMAPCharacterClass {
    static let space = UInt8(ascii: " ")
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let openParen = UInt8(ascii: "(")
    static let closeParen = UInt8(ascii: ")")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")

    /// ATOM-CHAR: any CHAR except atom-specials — `(`, `)`, `{`, SP, CTL,
    /// `%`, `*`, `"`, `\` and `]`.
    static func isAtomChar(_ byte: UInt8) -> Bool {
        guard byte > 0x20 && byte < 0x7F else { return false }
        switch byte {
        case openParen, closeParen, openBrace, UInt8(ascii: "%"), UInt8(ascii: "*"), quote, backslash, closeBracket:
            return false
        default:
            return true
        }
    }

    /// ASTRING-CHAR: ATOM-CHAR or `]`.
    static func isAstringChar(_ byte: UInt8) -> Bool {
        isAtomChar(byte) || byte == closeBracket
    }

    /// list-char: ATOM-CHAR, a list wildcard (`%`, `*`) or `]`.
    static func isListChar(_ byte: UInt8) -> Bool {
        isAstringChar(byte) || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "*")
    }

    /// An octet of a tag: any ASTRING-CHAR except `+`.
    static func isTagChar(_ byte: UInt8) -> Bool {
        isAstringChar(byte) && byte != UInt8(ascii: "+")
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isAlpha(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// The tag that starts `line` (up to the first space or the end), or nil
    /// when the line does not start with a valid tag.
    static func leadingTag(_ line: [UInt8]) -> String? {
        let end = line.firstIndex(of: space) ?? line.endIndex
        guard end > 0, line[..<end].allSatisfy(isTagChar) else { return nil }
        return String(decoding: line[..<end], as: UTF8.self)
    }

    /// `bytes` as text: UTF-8 when valid, otherwise each octet as the
    /// Latin-1 character of the same value, so nothing is lost.
    static func text(_ bytes: some Collection<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        return String(scalars)
    }

    /// ASCII upper-casing of a keyword.
    static func uppercased(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
    }

    /// `text` as a quoted string, `"` and `\` escaped (RFC 9051 §4.3).
    static func quoted(_ text: String) -> String {
        var output = "\""
        for character in text {
            if character == "\"" || character == "\\" { output.append("\\") }
            output.append(character)
        }
        return output + "\""
    }
}
