/// The bounds `IMAPCommandFramer` keeps while it collects a command, so a
/// client can never make it buffer more than these allow.
///
/// RFC 9051 §4.3 lets a literal carry up to 2^63-1 octets and sets no limit
/// on a command line; RFC 7162 §4 recommends accepting lines of at least
/// 8192 octets. A server must bound both and answer with its own error
/// (`BAD`, or `NO [TOOBIG]` for a literal, RFC 7888 §4).
public struct IMAPFramerLimits: Sendable, Equatable {
    /// Octets of command text, every line of one command together, literal
    /// payloads and line breaks not counted (`imap_max_line_length`).
    public var maxLineLength: Int
    /// Octets of one literal (`imap_max_literal_size`).
    public var maxLiteralSize: Int
    /// Octets of one whole command: its text and all its literals.
    public var maxCommandSize: Int
    /// Literals in one command (MULTIAPPEND sends one per message, RFC 3502).
    public var maxLiteralCount: Int
    /// The largest non-synchronizing literal accepted: nil for LITERAL+
    /// (only `maxLiteralSize` applies), 4096 for LITERAL- (RFC 7888 §5).
    public var maxNonSynchronizingLiteralSize: Int?

    public init(
        maxLineLength: Int = 64 * 1024,
        maxLiteralSize: Int = 50 * 1024 * 1024,
        maxCommandSize: Int = 100 * 1024 * 1024,
        maxLiteralCount: Int = 1_000,
        maxNonSynchronizingLiteralSize: Int? = nil
    ) {
        self.maxLineLength = max(16, maxLineLength)
        self.maxLiteralSize = max(0, maxLiteralSize)
        self.maxCommandSize = max(self.maxLineLength, maxCommandSize)
        self.maxLiteralCount = max(0, maxLiteralCount)
        self.maxNonSynchronizingLiteralSize = maxNonSynchronizingLiteralSize.map { max(0, $0) }
    }

    /// The LITERAL- bound of RFC 7888 §5.
    public static let literalMinusLimit = 4096
}
