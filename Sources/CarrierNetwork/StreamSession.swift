/// A protocol session as the network layer sees it: bytes in, bytes out.
/// Every call returns what to write and whether to close afterwards; the
/// transport never interprets the bytes. Calls for one connection never overlap.
public protocol StreamSession: AnyObject, Sendable {
    func start() async -> StreamOutput
    func receive(_ bytes: [UInt8]) async -> StreamOutput
    /// No input for the configured idle time.
    func timedOut() async -> StreamOutput
    /// The server is stopping and the grace period is over.
    func shutdown() async -> StreamOutput
    /// The connection is closed (by either side).
    func disconnected() async
}

/// Bytes to write and whether to close the connection once they are written.
public struct StreamOutput: Equatable, Sendable {
    public var bytes: [UInt8]
    public var close: Bool

    public init(bytes: [UInt8] = [], close: Bool = false) {
        self.bytes = bytes
        self.close = close
    }
}
