/// What `IMAPCommandFramer.next()` found in the input.
public enum IMAPFramerEvent: Sendable, Equatable {
    /// A complete command, ready for `IMAPCommandParser`.
    case command(IMAPFramedCommand)
    /// The client announced a synchronizing literal within the limits and
    /// waits for a command continuation request (`+ ...`, RFC 9051 §7.5)
    /// before sending it.
    case needsContinuation
    /// A line read in `.rawLines` mode, without its line break: `DONE` after
    /// IDLE (RFC 2177 §3), or a SASL response after AUTHENTICATE (RFC 9051
    /// §6.2.2).
    case line([UInt8])
    /// The input broke a limit and the command was dropped; answer it with
    /// `BAD` (or `NO [TOOBIG]` when `error.isTooBig`).
    case error(IMAPFramingError)
}

/// A command the framer refused, and why.
public struct IMAPFramingError: Error, Sendable, Equatable {
    /// The limit that was broken.
    public enum Kind: Sendable, Equatable {
        /// The command text passed `maxLineLength`; the rest of the command
        /// is discarded up to its end.
        case lineTooLong
        /// A literal passed `maxLiteralSize`, or the non-synchronizing limit
        /// of LITERAL- (RFC 7888 §5). A synchronizing one was not
        /// acknowledged, so the client sends nothing more; a
        /// non-synchronizing one is read and discarded (RFC 7888 §4, choice 1).
        case literalTooLarge(size: UInt64, isSynchronizing: Bool)
        /// Text and literals together passed `maxCommandSize`.
        case commandTooLarge
        /// More literals than `maxLiteralCount`.
        case tooManyLiterals
    }

    public var kind: Kind
    /// The refused command's tag, when it could be read.
    public var tag: String?

    public init(_ kind: Kind, tag: String?) {
        self.kind = kind
        self.tag = tag
    }

    /// Whether the answer should carry the TOOBIG response code (RFC 4469
    /// §4.2, required by RFC 7888 §5 for APPEND).
    public var isTooBig: Bool {
        switch kind {
        case .literalTooLarge, .commandTooLarge: true
        case .lineTooLong, .tooManyLiterals: false
        }
    }

    /// Text for the `BAD` or `NO` response.
    public var message: String {
        switch kind {
        case .lineTooLong: "Command line too long"
        case .literalTooLarge(let size, _): "Literal of \(size) octets is too large"
        case .commandTooLarge: "Command too large"
        case .tooManyLiterals: "Too many literals in one command"
        }
    }
}
