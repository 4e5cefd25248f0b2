/// Splits a structured field body into `RFC5322Token`s (RFC 5322 §3.2,
/// obsolete forms of §4.1 included). Linear and without recursion: nested
/// comments are tracked with a depth counter. An unterminated quoted string,
/// comment or domain literal runs to the end of the input.
enum RFC5322Tokenizer {
    static func tokenize(_ text: String) -> [RFC5322Token] {
        let bytes = Array(text.utf8)
        var tokens: [RFC5322Token] = []
        var spaced = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if RFC5322ASCII.isWhitespace(byte) {
                spaced = true
                index += 1
                continue
            }
            let token: RFC5322Token
            if RFC5322ASCII.isAtext(byte) {
                let start = index
                while index < bytes.count && RFC5322ASCII.isAtext(bytes[index]) { index += 1 }
                token = RFC5322Token(kind: .atom, text: String(decoding: bytes[start..<index], as: UTF8.self), followsSpace: spaced)
            } else if byte == RFC5322ASCII.quote {
                let text: String
                (text, index) = delimited(bytes, from: index + 1, close: RFC5322ASCII.quote, nests: false)
                token = RFC5322Token(kind: .quotedString, text: text, followsSpace: spaced)
            } else if byte == RFC5322ASCII.openParen {
                let text: String
                (text, index) = delimited(bytes, from: index + 1, close: RFC5322ASCII.closeParen, nests: true)
                token = RFC5322Token(kind: .comment, text: text, followsSpace: spaced)
            } else if byte == UInt8(ascii: "[") {
                let text: String
                (text, index) = delimited(bytes, from: index + 1, close: UInt8(ascii: "]"), nests: false)
                token = RFC5322Token(kind: .domainLiteral, text: "[" + text + "]", followsSpace: spaced)
            } else {
                index += 1
                token = RFC5322Token(kind: .special, text: String(UnicodeScalar(byte)), followsSpace: spaced)
            }
            spaced = token.kind == .comment
            tokens.append(token)
        }
        return tokens
    }

    /// The content up to the matching `close` (quoted pairs resolved, line
    /// breaks dropped) and the index after it.
    private static func delimited(_ bytes: [UInt8], from start: Int, close: UInt8, nests: Bool) -> (String, Int) {
        var content: [UInt8] = []
        var depth = 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == RFC5322ASCII.backslash && index < bytes.count {
                content.append(bytes[index])
                index += 1
                continue
            }
            if byte == close {
                if depth == 0 { break }
                depth -= 1
            } else if nests && byte == RFC5322ASCII.openParen {
                depth += 1
            } else if byte == RFC5322ASCII.cr || byte == RFC5322ASCII.lf {
                continue
            }
            content.append(byte)
        }
        return (String(decoding: content, as: UTF8.self), index)
    }
}
