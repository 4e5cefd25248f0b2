/// Bytes to write, then whether to close the connection or to start TLS or
/// compression on it.
public struct StreamOutput: Equatable, Sendable {
    public var bytes: [UInt8]
    public var close: Bool
    /// After `bytes` (the "ready to start TLS" reply) the transport discards all
    /// further plaintext input and begins a TLS handshake as the server. The
    /// listener must have been bound with `ListenerTLS.startTLS`; on any other
    /// listener the connection is closed instead of staying in plaintext.
    public var startTLS: Bool
    /// After `bytes` (the tagged OK of COMPRESS) everything written is
    /// compressed and everything read decompressed with raw DEFLATE
    /// (RFC 4978 §3); input that arrived before is discarded.
    public var startCompression: Bool
    /// The client is about to send data it waits for us to acknowledge (after
    /// an IMAP continuation request): acknowledge the next segments at once
    /// (TCP_QUICKACK), or a client with Nagle's algorithm waits for the
    /// delayed ACK (40 ms on Linux) before sending the rest.
    public var quickAcknowledgement: Bool

    public init(bytes: [UInt8] = [], close: Bool = false, startTLS: Bool = false, startCompression: Bool = false,
                quickAcknowledgement: Bool = false) {
        self.bytes = bytes
        self.close = close
        self.startTLS = startTLS
        self.startCompression = startCompression
        self.quickAcknowledgement = quickAcknowledgement
    }
}
