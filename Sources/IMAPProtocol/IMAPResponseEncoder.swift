/// Turns `IMAPResponse` values into the octets sent to the client (RFC 9051
/// §7), each response ending in CRLF.
///
/// Strings are quoted when they can be and literals otherwise; mailbox
/// names, given in Unicode, go out in modified UTF-7 unless `utf8` says the
/// client enabled IMAP4rev2 or UTF8=ACCEPT (RFC 9051 §5.1, RFC 6855 §3).
public struct IMAPResponseEncoder: Sendable {
    public var utf8: Bool

    public init(utf8: Bool = false) {
        self.utf8 = utf8
    }

    public func encode(_ response: IMAPResponse) -> [UInt8] {
        var bytes: [UInt8] = []
        encode(response, into: &bytes)
        return bytes
    }

    /// Several responses, concatenated.
    public func encode(_ responses: [IMAPResponse]) -> [UInt8] {
        var bytes: [UInt8] = []
        for response in responses { encode(response, into: &bytes) }
        return bytes
    }

    /// Appends the response to `bytes`: many responses (a FETCH of every
    /// message) go into one buffer without a new array each.
    public func encode(_ response: IMAPResponse, into bytes: inout [UInt8]) {
        var writer = IMAPResponseWriter(utf8: utf8)
        swap(&writer.bytes, &bytes)
        if writer.bytes.isEmpty { writer.bytes.reserveCapacity(Self.typicalSize) }
        switch response {
        case .untagged(let data):
            writer.raw("* ")
            writer.untagged(data)
        case .continuation(let text):
            writer.raw("+ ")
            writer.text(text)
        case .tagged(let tag, let condition, let code, let text):
            writer.raw(tag)
            writer.space()
            writer.condition(condition, code: code, text: text)
        }
        writer.crlf()
        swap(&writer.bytes, &bytes)
    }

    /// Room reserved in an empty buffer: most responses (FETCH of flags,
    /// EXISTS, a tagged OK) fit, so their buffer is allocated once. A buffer
    /// with bytes already grows as arrays do.
    static let typicalSize = 96
}

/// Status responses, tagged and untagged.
extension IMAPResponseWriter {
    /// `OK [code] text` and the like (resp-cond-state, resp-text). RFC 3501
    /// §9 requires text, so an empty one is replaced by the condition word.
    mutating func condition(_ condition: IMAPCondition, code: IMAPResponseCode?, text: String) {
        raw(condition.rawValue)
        if let code {
            raw(" [")
            responseCode(code)
            raw("]")
        }
        space()
        self.text(text.isEmpty ? condition.rawValue : text)
    }
}
