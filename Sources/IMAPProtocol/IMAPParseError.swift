/// Why a command could not be parsed; the session answers `tag BAD message`,
/// or `* BAD message` when there is no tag.
public struct IMAPParseError: Error, Sendable, Equatable {
    /// What went wrong, for logs and statistics; the reply is `BAD` for all.
    public enum Kind: Sendable, Equatable {
        /// The line does not start with a valid tag (RFC 9051 §2.2.1).
        case missingTag
        /// A command name the server does not know.
        case unknownCommand
        /// The arguments do not match the grammar.
        case syntax
        /// Nesting, ranges or keys beyond `IMAPParserLimits`.
        case tooComplex
    }

    public var kind: Kind
    public var tag: String?
    public var message: String

    public init(_ kind: Kind, _ message: String, tag: String? = nil) {
        self.kind = kind
        self.message = message
        self.tag = tag
    }

    static func syntax(_ message: String) -> IMAPParseError {
        IMAPParseError(.syntax, message)
    }
}
