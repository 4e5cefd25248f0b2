import MailCore

/// The text of an outgoing message as it goes on the wire: CRLF line ends and
/// the Content-Type and Content-Transfer-Encoding that describe it (RFC 2045
/// §6; 8bit as RFC 6152 allows). Text that 7bit or 8bit cannot carry (a NUL,
/// a line over 998 octets) is sent base64.
struct TextBody: Equatable {
    /// The longest line SMTP carries, without its CRLF (RFC 5322 §2.1.1).
    static let maxLineLength = 998

    /// `text/plain; charset=...`: us-ascii, utf-8, or unknown-8bit (RFC 1428)
    /// for bytes that are not UTF-8.
    let contentType: String
    /// `7bit`, `8bit` or `base64`.
    let transferEncoding: String
    /// The encoded text: CRLF-terminated lines, or nothing.
    let bytes: [UInt8]

    init(_ text: [UInt8]) {
        let lines = LineEnds.crlf(text)
        let charset = lines.allSatisfy({ $0 < 0x80 }) ? "us-ascii"
            : String(validating: lines, as: UTF8.self) != nil ? "utf-8" : "unknown-8bit"
        contentType = "text/plain; charset=\(charset)"
        if lines.contains(0) || Self.longestLine(lines) > Self.maxLineLength {
            transferEncoding = "base64"
            bytes = Array(TransferEncoding.encodeBase64(lines).utf8) + [13, 10]
        } else {
            transferEncoding = charset == "us-ascii" ? "7bit" : "8bit"
            bytes = lines
        }
    }

    /// The length of the longest line of CRLF-terminated `lines`, without the CRLF.
    private static func longestLine(_ lines: [UInt8]) -> Int {
        var longest = 0
        var current = 0
        for byte in lines {
            if byte == 10 {
                longest = max(longest, current - 1)
                current = 0
            } else {
                current += 1
            }
        }
        return longest
    }
}
