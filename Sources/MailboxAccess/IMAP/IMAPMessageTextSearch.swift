import MailCore

/// Where BODY and TEXT look for their string (RFC 9051 §6.4.4): BODY in the
/// leaf parts of the message, each decoded per its Content-Transfer-Encoding
/// and, for text parts, its charset; TEXT also in the header, raw and with
/// encoded words decoded (RFC 2047). A message whose header has no
/// Content-* field is one 7bit text/plain part (RFC 2045 §5.2, §6.1), so its
/// body is searched as it lies, without a MIME parse.
enum IMAPMessageTextSearch {
    static func body(_ message: [UInt8], contains needle: IMAPSearchNeedle) -> Bool {
        guard let header = header(of: message), !header.hasContentField else { return leaves(message, contain: needle) }
        let body = message[header.bodyOffset...]
        return needle.isFound(in: body) { String(decoding: body, as: UTF8.self) }
    }

    static func text(_ message: [UInt8], contains needle: IMAPSearchNeedle) -> Bool {
        let whole = message.withUnsafeBufferPointer(needle.scan)
        if whole == .found { return true }
        if whole == .undecided, needle.isFound(inText: String(decoding: message, as: UTF8.self)) { return true }
        let header = header(of: message)
        if hasEncodedWord(message, headerEnd: header?.end ?? message.count),
           MessageHeader.parse(message).fields.contains(where: { needle.isFound(inText: $0.decodedValue) }) {
            return true
        }
        // Without MIME fields the body lies as it is in the message, where the scan found nothing.
        if whole == .absent, let header, !header.hasContentField { return false }
        return body(message, contains: needle)
    }

    /// The leaf parts of the MIME tree, including those of encapsulated
    /// messages (but not their headers).
    private static func leaves(_ message: [UInt8], contain needle: IMAPSearchNeedle) -> Bool {
        var stack = [MIMEPart.parse(message)]
        while let part = stack.popLast() {
            guard part.children.isEmpty else {
                stack += part.children
                continue
            }
            let lower = min(part.bodyRange.lowerBound, message.count)
            let octets = message[lower..<min(max(lower, part.bodyRange.upperBound), message.count)]
            let decoded = ["base64", "quoted-printable"].contains(part.contentTransferEncoding)
                ? part.decodedBody(in: message)[...] : octets
            if needle.isFound(in: decoded, decode: { text(decoded, of: part) }) { return true }
        }
        return false
    }

    /// A leaf's decoded octets as text: in the charset of a text part when
    /// it is one MailCore knows, else as UTF-8.
    private static func text(_ octets: ArraySlice<UInt8>, of part: MIMEPart) -> String {
        if part.contentType.type == "text", let name = part.contentType.charset, let charset = MIMECharset(name: name),
           let text = charset.decode(octets) {
            return text
        }
        return String(decoding: octets, as: UTF8.self)
    }

    /// Where the header ends and the body starts, as `MessageHeader.parse`
    /// finds them (the first empty line, ended by LF or CRLF), and whether a
    /// line of the header starts with `Content-` in any case: such a field
    /// may change how the body is to be decoded. Nil without an empty line.
    private static func header(of message: [UInt8]) -> (end: Int, bodyOffset: Int, hasContentField: Bool)? {
        message.withUnsafeBufferPointer { bytes in
            var hasContentField = false
            var lineStart = 0
            while lineStart < bytes.count {
                if bytes[lineStart] == lf { return (lineStart, lineStart + 1, hasContentField) }
                if bytes[lineStart] == cr, lineStart + 1 < bytes.count, bytes[lineStart + 1] == lf {
                    return (lineStart, lineStart + 2, hasContentField)
                }
                if !hasContentField, lineStart + contentPrefix.count <= bytes.count {
                    hasContentField = contentPrefix.indices.allSatisfy { bytes[lineStart + $0] | 0x20 == contentPrefix[$0] }
                }
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != lf { lineEnd += 1 }
                lineStart = lineEnd + 1
            }
            return nil
        }
    }

    /// `content-` with every octet's 0x20 bit set, as a header line's first
    /// octets are compared (a few other octets fold onto it too, which only
    /// sends such a message through the MIME parse).
    private static let contentPrefix = Array("content-".utf8)

    /// Whether the header holds `=?`, which may start an encoded word.
    private static func hasEncodedWord(_ message: [UInt8], headerEnd: Int) -> Bool {
        var index = 0
        while index + 1 < headerEnd {
            if message[index] == UInt8(ascii: "="), message[index + 1] == UInt8(ascii: "?") { return true }
            index += 1
        }
        return false
    }

    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
}
