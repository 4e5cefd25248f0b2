/// What one session call produced: output to write now, and possibly work that
/// must finish (off the event loop) before more input is read.
public struct StreamStep: Sendable {
    public var output: StreamOutput
    /// Not run when the output closes the connection or starts TLS.
    public var next: (@Sendable () async -> StreamStep)?

    public init(output: StreamOutput, next: (@Sendable () async -> StreamStep)? = nil) {
        self.output = output
        self.next = next
    }
}
