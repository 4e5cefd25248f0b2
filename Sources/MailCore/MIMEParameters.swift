/// The parameter list of a Content-Type (RFC 2045 §5.1) or
/// Content-Disposition (RFC 2183 §2) field, in order of first appearance,
/// with RFC 2231 continuations and encodings resolved.
public struct MIMEParameters: Sendable, Equatable {
    /// Every parameter; each name appears once.
    public var all: [MIMEParameter]

    public init(_ all: [MIMEParameter] = []) {
        self.all = all
    }

    /// The value of parameter `name`, ignoring case.
    public subscript(name: some StringProtocol) -> String? {
        all.first { RFC5322ASCII.equalsIgnoringCase($0.name, name) }?.value
    }

    /// Parses `;`-separated parameters from the lexer's position to the end.
    static func parse(_ lexer: inout MIMEHeaderLexer) -> MIMEParameters {
        var raw: [MIMEParameter] = []
        while !lexer.isAtEnd {
            if lexer.consume(RFC5322ASCII.semicolon) { continue }
            guard let name = lexer.token(), lexer.consume(RFC5322ASCII.equals) else {
                lexer.skipPastSemicolon()
                continue
            }
            raw.append(MIMEParameter(name: name.lowercased(), value: lexer.value()))
            lexer.skipCFWS()
        }
        return MIMEParameters(combining: raw)
    }
}
