/// What the transport must do after a step of an SMTP connection: write these
/// bytes, then close if asked.
public struct ConnectionOutput: Equatable, Sendable {
    public var bytes: [UInt8] = []
    public var close = false
    /// After writing `bytes`, drop all pending input and start TLS (STARTTLS).
    public var startTLS = false
    /// After writing `bytes`, compress both directions (IMAP COMPRESS=DEFLATE).
    public var startCompression = false
    /// Acknowledge the client's next segments at once (after an IMAP continuation request).
    public var quickAcknowledgement = false

    public init(bytes: [UInt8] = [], close: Bool = false, startTLS: Bool = false, startCompression: Bool = false,
                quickAcknowledgement: Bool = false) {
        self.bytes = bytes
        self.close = close
        self.startTLS = startTLS
        self.startCompression = startCompression
        self.quickAcknowledgement = quickAcknowledgement
    }
}

/// One step of a connection: output to write now, and possibly work (routing
/// lookups, the durable commit) to finish before the next input is read.
public struct ConnectionStep: Sendable {
    public var output: ConnectionOutput
    public var next: (@Sendable () async -> ConnectionStep)?

    public init(output: ConnectionOutput, next: (@Sendable () async -> ConnectionStep)? = nil) {
        self.output = output
        self.next = next
    }
}
