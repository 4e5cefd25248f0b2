/// Splits the client's input into lines ended by CRLF (RFC 1939 §3), keeping
/// complete lines queued until the session takes them.
///
/// Only CRLF ends a line: a bare LF ends it in error and a CR not followed by
/// LF makes it malformed, as RFC 1939 requires (Carrier chooses the RFC over
/// the leniency of some servers; `nc` users need `-C`). A line longer than
/// `maximumLineLength` (CRLF included) is reported once as `.tooLong` and its
/// bytes are dropped up to the next LF, where framing resynchronises, so the
/// partial line never holds more than the limit.
///
/// The queue of complete lines is what a transport bounds to stop a client
/// pipelining without limit: `queuedLineCount` is checked after each read.
public struct POP3CommandFramer: Sendable {
    /// One unit of input.
    public enum Frame: Equatable, Sendable {
        /// A line without its CRLF.
        case line([UInt8])
        /// A line over the limit; its bytes were dropped.
        case tooLong
        /// A line ended by a bare LF or containing a bare CR.
        case malformed
    }

    public let maximumLineLength: Int
    private var queue: [Frame] = []
    private var head = 0
    private var partial: [UInt8] = []
    private var discarding = false

    /// - Parameter maximumLineLength: the longest line accepted, CRLF included.
    public init(maximumLineLength: Int) {
        self.maximumLineLength = maximumLineLength
    }

    /// Frames complete lines queued and not yet taken.
    public var queuedLineCount: Int { queue.count - head }

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            if discarding {
                if byte == 10 { discarding = false }
                continue
            }
            if byte == 10 {
                queue.append(frame(partial))
                partial.removeAll(keepingCapacity: true)
                continue
            }
            partial.append(byte)
            if partial.count > maximumLineLength - 1 {
                queue.append(.tooLong)
                partial.removeAll(keepingCapacity: true)
                discarding = true
            }
        }
    }

    /// Takes the oldest queued frame.
    public mutating func next() -> Frame? {
        guard head < queue.count else { return nil }
        let frame = queue[head]
        head += 1
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        }
        return frame
    }

    /// Drops everything received so far (STLS: nothing sent before
    /// the TLS handshake may be acted on after it).
    public mutating func removeAll() {
        queue.removeAll()
        head = 0
        partial.removeAll()
        discarding = false
    }

    private func frame(_ line: [UInt8]) -> Frame {
        guard line.last == 13 else { return .malformed }
        let content = line.dropLast()
        return content.contains(13) ? .malformed : .line(Array(content))
    }
}
