extension String {
    /// The string without leading and trailing white space (RFC 5234 WSP,
    /// CR and LF), as header field bodies are compared (RFC 5322 §3.2.2).
    func trimmingWhitespace() -> String {
        let bytes = utf8.drop { RFC5322ASCII.isWhitespace($0) }
        let end = bytes.lastIndex { !RFC5322ASCII.isWhitespace($0) }
        guard let end else { return "" }
        return String(decoding: bytes[...end], as: UTF8.self)
    }
}
