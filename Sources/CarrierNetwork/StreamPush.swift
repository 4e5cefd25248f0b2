/// Writes to the client outside a step, for what a session sends without
/// being asked (IMAP IDLE's updates).
public struct StreamPush: Sendable {
    /// Writes bytes to the client, in call order.
    public let write: @Sendable ([UInt8]) -> Void
    /// False while the client is not reading: what was written is still over
    /// the channel's high-water mark. A session holds further pushes back.
    public let isWritable: @Sendable () -> Bool

    public init(write: @escaping @Sendable ([UInt8]) -> Void, isWritable: @escaping @Sendable () -> Bool) {
        self.write = write
        self.isWritable = isWritable
    }
}
