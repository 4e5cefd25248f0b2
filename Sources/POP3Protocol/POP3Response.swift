/// One single-line POP3 status response (RFC 1939 §3): `+OK` or `-ERR`, an
/// optional response code in brackets (RFC 2449 §8) and text.
public struct POP3Response: Hashable, Sendable, CustomStringConvertible {
    /// The first line of any response is at most 512 octets with its CRLF (RFC 2449 §4).
    public static let maximumLineLength = 512

    public var isPositive: Bool
    public var code: POP3ResponseCode?
    public var text: String

    public init(isPositive: Bool, code: POP3ResponseCode? = nil, text: String) {
        self.isPositive = isPositive
        self.code = code
        self.text = text
    }

    public static func ok(_ text: String = "") -> POP3Response { POP3Response(isPositive: true, text: text) }
    public static func err(_ text: String) -> POP3Response { POP3Response(isPositive: false, text: text) }
    public static func err(_ code: POP3ResponseCode, _ text: String) -> POP3Response {
        POP3Response(isPositive: false, code: code, text: text)
    }

    /// The line as it appears in logs: `-ERR [IN-USE] ...`.
    public var description: String {
        String(decoding: encoded().dropLast(2), as: UTF8.self)
    }

    /// The line for the wire, CRLF terminated. CR and LF in the text become
    /// spaces, and an over-long text is cut (at a UTF-8 character boundary) so
    /// the line stays within `maximumLineLength`.
    public func encoded() -> [UInt8] {
        var out = Array((isPositive ? "+OK" : "-ERR").utf8)
        if let code { out += Array(" [\(code.rawValue)]".utf8) }
        if !text.isEmpty {
            out.append(UInt8(ascii: " "))
            for byte in text.utf8 { out.append(byte == 13 || byte == 10 ? UInt8(ascii: " ") : byte) }
        }
        let limit = Self.maximumLineLength - 2
        if out.count > limit {
            var end = limit
            while end > 0 && out[end] & 0xC0 == 0x80 { end -= 1 }
            out.removeSubrange(end...)
        }
        return out + [13, 10]
    }

    /// This response followed by `lines` as a multi-line response (RFC 1939
    /// §3): each line CRLF terminated (CR and LF inside become spaces) and
    /// byte-stuffed, then `.` CRLF.
    func encoded(lines: [String]) -> [UInt8] {
        var out = encoded()
        for line in lines {
            if line.utf8.first == UInt8(ascii: ".") { out.append(UInt8(ascii: ".")) }
            for byte in line.utf8 { out.append(byte == 13 || byte == 10 ? UInt8(ascii: " ") : byte) }
            out += [13, 10]
        }
        return out + Array(".\r\n".utf8)
    }
}

/// Parsers fail with the `-ERR` to send.
extension POP3Response: Error {}
