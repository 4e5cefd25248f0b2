/// Receives the chunks of a `BDAT` transaction (RFC 3030 §2): exactly `size`
/// octets follow each command, with no dot-stuffing and no end marker. The bytes
/// of a chunk are always consumed, even when the chunk is refused, so the client
/// stays in sync.
public struct BDATReceiver: Sendable {
    public let maximumMessageSize: Int
    public private(set) var message: [UInt8] = []
    public private(set) var tooBig = false
    private var remaining = 0

    public init(maximumMessageSize: Int) {
        self.maximumMessageSize = maximumMessageSize
    }

    /// Starts a chunk of `size` octets.
    public mutating func begin(chunk size: Int) {
        remaining = size
        if message.count + size > maximumMessageSize {
            tooBig = true
            message = []
        }
    }

    /// Octets of the current chunk still to come.
    public var remainingInChunk: Int { remaining }

    /// Consumes up to the rest of the current chunk from `buffer[start...]`;
    /// returns the index after it when the chunk is complete, or nil.
    public mutating func consume(_ buffer: [UInt8], from start: Int, keep: Bool) -> Int? {
        let take = min(remaining, buffer.count - start)
        if keep && !tooBig { message.append(contentsOf: buffer[start..<(start + take)]) }
        remaining -= take
        return remaining == 0 ? start + take : nil
    }
}
