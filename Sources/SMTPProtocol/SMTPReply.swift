import MailCore

/// One SMTP reply (RFC 5321 §4.2): a three-digit code, an optional RFC 3463
/// enhanced status code (RFC 2034) and one or more lines of text.
public struct SMTPReply: Hashable, Sendable, CustomStringConvertible {
    public var code: Int
    public var enhancedCode: EnhancedStatusCode?
    public var lines: [String]

    public init(_ code: Int, _ enhancedCode: EnhancedStatusCode?, _ text: String) {
        self.code = code
        self.enhancedCode = enhancedCode
        self.lines = [text]
    }

    public init(_ code: Int, _ enhancedCode: EnhancedStatusCode?, lines: [String]) {
        self.code = code
        self.enhancedCode = enhancedCode
        self.lines = lines.isEmpty ? [""] : lines
    }

    /// 2yz and 3yz replies are positive (RFC 5321 §4.2.1).
    public var isPositive: Bool { code < 400 }
    /// 4yz: transient negative completion.
    public var isTransient: Bool { (400..<500).contains(code) }
    /// 5yz: permanent negative completion.
    public var isPermanent: Bool { code >= 500 }

    /// The first line's text with the enhanced code, as it appears in logs
    /// (`550 5.1.1 <bob@example.test>: Recipient address rejected: ...`).
    public var description: String {
        var s = "\(code)"
        if let e = enhancedCode { s += " \(e)" }
        return s + " " + lines.joined(separator: " ")
    }

    /// The reply encoded for the wire: `code-text` continuation lines and a final
    /// `code text` line, each CRLF terminated (RFC 5321 §4.2.1). The enhanced code
    /// is repeated on every line (RFC 2034 §4). CR and LF in the text are replaced.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 12 })
        for (index, line) in lines.enumerated() {
            out.append(contentsOf: String(code).utf8)
            out.append(index == lines.count - 1 ? UInt8(ascii: " ") : UInt8(ascii: "-"))
            if let e = enhancedCode {
                out.append(contentsOf: e.description.utf8)
                if !line.isEmpty { out.append(UInt8(ascii: " ")) }
            }
            for b in line.utf8 { out.append(b == 13 || b == 10 ? UInt8(ascii: " ") : b) }
            out.append(13)
            out.append(10)
        }
        return out
    }
}
extension SMTPReply: Error {}
