/// Helpers that turn readable fixtures into message octets.
enum TestInput {
    /// The text with every LF turned into CRLF, as on the wire (RFC 5322 §2.1).
    static func crlf(_ text: String) -> [UInt8] {
        Array(text.replacingLF(with: "\r\n").utf8)
    }
}

extension String {
    func replacingLF(with lineBreak: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: lineBreak)
    }
}
