/// Cuts the client's byte stream into IMAP commands (RFC 9051 §2.2.1, §4.3),
/// incrementally and within `IMAPFramerLimits`.
///
/// Feed bytes with `append(_:)` in chunks of any size, then call `next()`
/// until it returns nil. A command is its lines plus the literals announced
/// at their ends: `{n}` (synchronizing: `next()` reports
/// `.needsContinuation` and the server must send `+`), `{n+}` (LITERAL+ /
/// LITERAL-, RFC 7888) and `~{n}` (literal8, RFC 3516 §4.1). Lines end in
/// CRLF; a bare LF is tolerated. A literal over a limit is refused without a
/// continuation request; an over-long command is reported once and discarded
/// up to its end (the next line break outside a literal, skipping the
/// payload of any non-synchronizing literal) so the stream resynchronises.
///
/// Switch `mode` to `.rawLines` between commands for IDLE and AUTHENTICATE,
/// whose client lines are not commands. Memory stays within the limits as
/// long as `next()` is drained after each `append(_:)`.
public struct IMAPCommandFramer: Sendable {
    /// How lines are read.
    public enum Mode: Sendable, Equatable {
        /// Tagged commands with literals.
        case commands
        /// Plain lines, reported as `.line`, with no literal processing.
        case rawLines
    }

    enum State: Sendable, Equatable {
        case line
        case literal(remaining: Int)
        /// Throwing away the rest of a refused line; keeps its last octets
        /// to see whether a non-synchronizing literal follows.
        case discardingLine(tail: [UInt8])
        /// Throwing away a refused non-synchronizing literal.
        case skippingLiteral(remaining: UInt64)
    }

    /// Applies from the next line on.
    public var mode: Mode = .commands
    public let limits: IMAPFramerLimits

    var buffer: [UInt8] = []
    var position = 0
    var state: State = .line
    var pending = IMAPPendingCommand()

    public init(limits: IMAPFramerLimits = IMAPFramerLimits()) {
        self.limits = limits
    }

    /// Adds received bytes.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next event, or nil when more input is needed.
    public mutating func next() -> IMAPFramerEvent? {
        while true {
            let step: Step
            switch state {
            case .line: step = readLine()
            case .literal(let remaining): step = readLiteral(remaining)
            case .discardingLine(let tail): step = discardLine(tail)
            case .skippingLiteral(let remaining): step = skipLiteral(remaining)
            }
            switch step {
            case .needMore: return nil
            case .progress: continue
            case .event(let event): return event
            }
        }
    }

    /// Drops every byte received but not yet framed; after STARTTLS
    /// (RFC 9051 §6.2.1) nothing sent in the clear may be taken as a command.
    public mutating func discardBufferedInput() {
        buffer = []
        position = 0
    }

    /// Frames `line` (a raw line just returned, without its CRLF) again as
    /// the start of a command, ahead of the bytes that followed it: a command
    /// sent where a raw line was expected (during IDLE) still gets its answer.
    public mutating func reframe(_ line: [UInt8]) {
        buffer.replaceSubrange(0..<position, with: line + [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
        position = 0
    }

    /// Octets received and not yet framed.
    public var bufferedByteCount: Int {
        buffer.count - position
    }

    /// Whether a command has started but is not complete.
    public var isInsideCommand: Bool {
        !pending.isEmpty || state != .line
    }

    enum Step {
        case needMore
        case progress
        case event(IMAPFramerEvent)
    }
}
