/// How a MIME part wants to be presented, from its Content-Disposition
/// field (RFC 2183 §2), with parameters decoded per RFC 2231.
public struct MIMEContentDisposition: Sendable, Equatable {
    /// The disposition type, lowercased (`inline`, `attachment`, ...).
    public var type: String
    public var parameters: MIMEParameters

    public init(type: String, parameters: MIMEParameters = MIMEParameters()) {
        self.type = type.lowercased()
        self.parameters = parameters
    }

    /// The `filename` parameter (RFC 2183 §2.3), if any.
    public var filename: String? {
        parameters["filename"]
    }

    /// Parses a Content-Disposition field body; nil without a type.
    public static func parse(_ value: String) -> MIMEContentDisposition? {
        var lexer = MIMEHeaderLexer(value)
        guard let type = lexer.token() else { return nil }
        return MIMEContentDisposition(type: type, parameters: MIMEParameters.parse(&lexer))
    }
}
