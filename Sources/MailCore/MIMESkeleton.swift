/// The MIME structure of a message without its content (RFC 2045, RFC
/// 2046): for each part, where its header and body lie in the message,
/// the body's line count, the content fields parsed, and for a message
/// (the top level, or the one inside a message/rfc822 part) the fields that
/// summarize it. Made once from `MIMEPart.parse` when a message is stored,
/// kept beside it in `encoded()` form, it answers for the message's
/// structure and locates any part's octets without the message being read.
public struct MIMESkeleton: Sendable, Equatable {
    /// The octets of the part's header fields (without the empty line).
    public var headerRange: Range<Int>
    /// The octets of the part's body.
    public var bodyRange: Range<Int>
    /// Lines in the body; a last line without a line break counts.
    public var bodyLineCount: Int
    public var contentType: MIMEContentType
    /// The Content-Transfer-Encoding mechanism lowercased, "7bit" by default.
    public var contentTransferEncoding: String
    /// Content-ID (RFC 2045 §7), as written.
    public var contentID: String?
    /// Content-Description (RFC 2045 §8) as written, encoded words kept.
    public var rawContentDescription: String?
    /// Content-MD5 (RFC 1864), as written.
    public var contentMD5: String?
    /// Content-Language (RFC 3282), as written.
    public var contentLanguage: String?
    /// Content-Location (RFC 2557 §4), as written.
    public var contentLocation: String?
    public var contentDisposition: MIMEContentDisposition?
    /// The summary fields of a message: set on the top level and on the
    /// message inside a message/rfc822 part, nil on other parts.
    public var envelope: MessageEnvelopeFields?
    /// Body parts of a multipart, or the encapsulated message of a
    /// message/rfc822, as `MIMEPart.children`.
    public var children: [MIMESkeleton]

    public init(
        headerRange: Range<Int>, bodyRange: Range<Int>, bodyLineCount: Int, contentType: MIMEContentType,
        contentTransferEncoding: String = "7bit", contentID: String? = nil, rawContentDescription: String? = nil,
        contentMD5: String? = nil, contentLanguage: String? = nil, contentLocation: String? = nil,
        contentDisposition: MIMEContentDisposition? = nil, envelope: MessageEnvelopeFields? = nil, children: [MIMESkeleton] = []
    ) {
        self.headerRange = headerRange
        self.bodyRange = bodyRange
        self.bodyLineCount = bodyLineCount
        self.contentType = contentType
        self.contentTransferEncoding = contentTransferEncoding
        self.contentID = contentID
        self.rawContentDescription = rawContentDescription
        self.contentMD5 = contentMD5
        self.contentLanguage = contentLanguage
        self.contentLocation = contentLocation
        self.contentDisposition = contentDisposition
        self.envelope = envelope
        self.children = children
    }

    /// The skeleton of a parsed message (`part` is the root of
    /// `MIMEPart.parse`), or of a part that is itself a message.
    public init(_ part: MIMEPart) {
        self.init(part, isMessage: true)
    }

    private init(_ part: MIMEPart, isMessage: Bool) {
        let header = part.header
        self.init(
            headerRange: part.headerRange, bodyRange: part.bodyRange, bodyLineCount: part.bodyLineCount,
            contentType: part.contentType, contentTransferEncoding: part.contentTransferEncoding, contentID: part.contentID,
            rawContentDescription: header["content-description"], contentMD5: header["content-md5"],
            contentLanguage: header["content-language"], contentLocation: header["content-location"],
            contentDisposition: part.contentDisposition, envelope: isMessage ? MessageEnvelopeFields(header) : nil,
            children: part.children.map { MIMESkeleton($0, isMessage: part.contentType.isEncapsulatedMessage) }
        )
    }

    /// The message inside a message/rfc822 or message/global part.
    public var encapsulatedMessage: MIMESkeleton? {
        contentType.isEncapsulatedMessage ? children.first : nil
    }

    /// The part's MIME header and the empty line after it: where the body
    /// starts, from where the header starts (BODY[n.MIME], BODY[HEADER]).
    public var headerAndSeparator: Range<Int> {
        headerRange.lowerBound..<bodyRange.lowerBound
    }
}
