/// The media type of a MIME entity, from its Content-Type field (RFC 2045
/// §5, RFC 2046), with parameters decoded per RFC 2231.
public struct MIMEContentType: Sendable, Equatable {
    /// The top-level type, lowercased (`text`, `multipart`, ...).
    public var type: String
    /// The subtype, lowercased.
    public var subtype: String
    public var parameters: MIMEParameters

    public init(type: String, subtype: String, parameters: MIMEParameters = MIMEParameters()) {
        self.type = type.lowercased()
        self.subtype = subtype.lowercased()
        self.parameters = parameters
    }

    /// The default when Content-Type is absent or invalid (RFC 2045 §5.2).
    public static let textPlain = MIMEContentType(
        type: "text", subtype: "plain", parameters: MIMEParameters([MIMEParameter(name: "charset", value: "us-ascii")])
    )

    /// The default inside multipart/digest (RFC 2046 §5.1.5).
    public static let messageRFC822 = MIMEContentType(type: "message", subtype: "rfc822")

    /// `type/subtype`.
    public var mimeType: String {
        type + "/" + subtype
    }

    public var charset: String? {
        parameters["charset"]
    }

    public var isMultipart: Bool {
        type == "multipart"
    }

    /// Whether the body is a whole message (message/rfc822, or
    /// message/global of RFC 6532 §3.7).
    public var isEncapsulatedMessage: Bool {
        type == "message" && (subtype == "rfc822" || subtype == "global")
    }

    /// Parses a Content-Type field body; nil if it has no `type/subtype`.
    public static func parse(_ value: String) -> MIMEContentType? {
        var lexer = MIMEHeaderLexer(value)
        guard let type = lexer.token(), lexer.consume(UInt8(ascii: "/")), let subtype = lexer.token() else {
            return nil
        }
        return MIMEContentType(type: type, subtype: subtype, parameters: MIMEParameters.parse(&lexer))
    }
}
