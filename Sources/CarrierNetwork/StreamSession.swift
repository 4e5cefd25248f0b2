/// A protocol session as the network layer sees it: bytes in, bytes out.
///
/// Calls happen on the connection's event loop and must not block: a session
/// answers what it can at once and hands anything that has to wait (a store
/// write, a lookup) back as the step's `next` work, which the transport runs
/// off the loop before it reads more input. Calls for one connection never overlap.
public protocol StreamSession: AnyObject, Sendable {
    func start() -> StreamStep
    func receive(_ bytes: [UInt8]) -> StreamStep
    /// No input for the configured idle time.
    func timedOut() -> StreamStep
    /// The server is stopping and the grace period is over.
    func shutdown() -> StreamStep
    /// The connection is closed (by either side).
    func disconnected()
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

/// What one session call produced: output to write now, and possibly work that
/// must finish (off the event loop) before more input is read.
public struct StreamStep: Sendable {
    public var output: StreamOutput
    public var next: (@Sendable () async -> StreamStep)?

    public init(output: StreamOutput, next: (@Sendable () async -> StreamStep)? = nil) {
        self.output = output
        self.next = next
    }
}
