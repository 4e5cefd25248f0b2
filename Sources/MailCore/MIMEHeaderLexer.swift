/// A cursor over a MIME structured field body (RFC 2045 §5.1): tokens,
/// quoted strings and RFC 822 comments, with the `tspecials` of §5.1.
/// Comments nest with a depth counter, not recursion.
struct MIMEHeaderLexer {
    private let bytes: [UInt8]
    private(set) var index = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var isAtEnd: Bool {
        index >= bytes.count
    }

    /// Skips white space and comments.
    mutating func skipCFWS() {
        var depth = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == RFC5322ASCII.openParen {
                depth += 1
            } else if depth > 0 && byte == RFC5322ASCII.closeParen {
                depth -= 1
            } else if depth > 0 && byte == RFC5322ASCII.backslash && index + 1 < bytes.count {
                index += 1
            } else if depth == 0 && !RFC5322ASCII.isWhitespace(byte) {
                return
            }
            index += 1
        }
    }

    /// Consumes `byte` if it is next, after optional CFWS.
    mutating func consume(_ byte: UInt8) -> Bool {
        skipCFWS()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// A token (§5.1): printable US-ASCII without tspecials; nil if none.
    mutating func token() -> String? {
        skipCFWS()
        let start = index
        while index < bytes.count && Self.isTokenOctet(bytes[index]) { index += 1 }
        return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
    }

    /// A parameter value: a quoted string, or loosely an unquoted run of
    /// words up to `;`, a comment, or a word that starts the next `name=`
    /// (tolerating spaces in values and missing semicolons).
    mutating func value() -> String {
        skipCFWS()
        if index < bytes.count && bytes[index] == RFC5322ASCII.quote { return quotedString() }
        let start = index
        var end = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == RFC5322ASCII.semicolon || byte == RFC5322ASCII.openParen { break }
            if RFC5322ASCII.isWhitespace(byte) {
                var next = index
                while next < bytes.count && RFC5322ASCII.isWhitespace(bytes[next]) { next += 1 }
                index = next
                if startsParameter(at: next) { break }
                continue
            }
            index += 1
            end = index
        }
        return String(headerBytes: bytes[start..<end])
    }

    /// Skips to just after the next `;`, or to the end.
    mutating func skipPastSemicolon() {
        while index < bytes.count && bytes[index] != RFC5322ASCII.semicolon { index += 1 }
        index = min(index + 1, bytes.count)
    }

    private mutating func quotedString() -> String {
        var content: [UInt8] = []
        index += 1
        while index < bytes.count {
            var byte = bytes[index]
            index += 1
            if byte == RFC5322ASCII.quote { break }
            if byte == RFC5322ASCII.backslash && index < bytes.count {
                byte = bytes[index]
                index += 1
            }
            if byte != RFC5322ASCII.cr && byte != RFC5322ASCII.lf { content.append(byte) }
        }
        return String(headerBytes: content)
    }

    /// Whether `name *WSP "="` starts at `start`.
    private func startsParameter(at start: Int) -> Bool {
        var next = start
        while next < bytes.count && Self.isTokenOctet(bytes[next]) { next += 1 }
        guard next > start else { return false }
        while next < bytes.count && RFC5322ASCII.isWhitespace(bytes[next]) { next += 1 }
        return next < bytes.count && bytes[next] == RFC5322ASCII.equals
    }

    static func isTokenOctet(_ byte: UInt8) -> Bool {
        byte > 32 && byte < 127 && !"()<>@,;:\\\"/[]?=".utf8.contains(byte)
    }
}
