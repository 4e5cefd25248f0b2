/// One entity of a MIME message (RFC 2045 §2.4, RFC 2046): its header,
/// content fields, where its header and body lie in the message, and its
/// children — the body parts of a multipart (RFC 2046 §5.1), or the one
/// encapsulated message of a message/rfc822 (RFC 2046 §5.2.1).
///
/// Build a tree with `parse(_:maxDepth:maxParts:)`. Byte ranges index the
/// array that was parsed, so a body is `message[part.bodyRange]`.
public struct MIMEPart: Sendable, Equatable {
    public var header: MessageHeader
    /// The content type, `MIMEContentType.textPlain` when absent or invalid
    /// (RFC 2045 §5.2), message/rfc822 inside multipart/digest.
    public var contentType: MIMEContentType
    /// The Content-Transfer-Encoding mechanism lowercased, "7bit" by
    /// default (RFC 2045 §6.1).
    public var contentTransferEncoding: String
    /// The Content-ID field (RFC 2045 §7), as written.
    public var contentID: String?
    /// The Content-Description field (RFC 2045 §8), encoded words decoded.
    public var contentDescription: String?
    public var contentDisposition: MIMEContentDisposition?
    /// The octets of the part's header fields (without the empty line).
    public var headerRange: Range<Int>
    /// The octets of the part's body.
    public var bodyRange: Range<Int>
    /// Lines in the body; a last line without a line break counts.
    public var bodyLineCount: Int
    /// Nesting depth: 0 for the message itself.
    public var depth: Int
    /// Body parts of a multipart, or the encapsulated message of a
    /// message/rfc822; empty for leaves and past the depth or part limit.
    public var children: [MIMEPart]

    public init(
        header: MessageHeader, contentType: MIMEContentType, contentTransferEncoding: String,
        contentID: String?, contentDescription: String?, contentDisposition: MIMEContentDisposition?,
        headerRange: Range<Int>, bodyRange: Range<Int>, bodyLineCount: Int, depth: Int, children: [MIMEPart] = []
    ) {
        self.header = header
        self.contentType = contentType
        self.contentTransferEncoding = contentTransferEncoding
        self.contentID = contentID
        self.contentDescription = contentDescription
        self.contentDisposition = contentDisposition
        self.headerRange = headerRange
        self.bodyRange = bodyRange
        self.bodyLineCount = bodyLineCount
        self.depth = depth
        self.children = children
    }

    /// The message inside a message/rfc822 or message/global part.
    public var encapsulatedMessage: MIMEPart? {
        contentType.isEncapsulatedMessage ? children.first : nil
    }

    /// The file name from Content-Disposition (RFC 2183 §2.3) or else the
    /// Content-Type `name` parameter, with any RFC 2047 words decoded (which
    /// RFC 2047 §5 forbids there but many mailers write).
    public var filename: String? {
        (contentDisposition?.filename ?? contentType.parameters["name"]).map(EncodedWord.decode)
    }
}
