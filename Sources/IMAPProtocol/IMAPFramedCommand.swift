/// One complete command as the framer delivers it: the command text cut at
/// each literal, and the literals' payloads (RFC 9051 §4.3, §2.2.1).
///
/// `lines[i]` is followed by `literals[i]`, so there is always one more line
/// than literals; the literal markers (`{n}`, `{n+}`, `~{n}`) and the line
/// breaks are removed. `A1 LOGIN {4}\r\nfred "x"\r\n` becomes the lines
/// `A1 LOGIN ` and ` "x"` around the literal `fred`.
public struct IMAPFramedCommand: Sendable, Equatable {
    public var lines: [[UInt8]]
    public var literals: [IMAPLiteral]

    public init(lines: [[UInt8]], literals: [IMAPLiteral] = []) {
        precondition(lines.count == literals.count + 1, "one more line than literals")
        self.lines = lines
        self.literals = literals
    }

    /// A command without literals, for tests and raw lines.
    public init(_ text: String) {
        self.init(lines: [Array(text.utf8)])
    }

    /// The tag at the front of the first line, if it is a valid one.
    public var tag: String? {
        IMAPCharacterClass.leadingTag(lines[0])
    }

    /// Octets of text and literals together.
    public var byteCount: Int {
        lines.reduce(0) { $0 + $1.count } + literals.reduce(0) { $0 + $1.bytes.count }
    }
}

/// The payload of one literal of a command (RFC 9051 §4.3) and the form it
/// was sent in.
public struct IMAPLiteral: Sendable, Equatable {
    public var bytes: [UInt8]
    /// `~{n}`: a literal8 of RFC 3516 §4.1 (RFC 9051 §4.3.1), which may
    /// contain NUL.
    public var isBinary: Bool
    /// `{n}` as opposed to the non-synchronizing `{n+}` of RFC 7888.
    public var isSynchronizing: Bool

    public init(_ bytes: [UInt8], isBinary: Bool = false, isSynchronizing: Bool = true) {
        self.bytes = bytes
        self.isBinary = isBinary
        self.isSynchronizing = isSynchronizing
    }
}
