/// What the transport must do after a step of an SMTP connection: write these
/// bytes, then close if asked.
public struct ConnectionOutput: Equatable, Sendable {
    public var bytes: [UInt8] = []
    public var close = false

    public init(bytes: [UInt8] = [], close: Bool = false) {
        self.bytes = bytes
        self.close = close
    }
}
