import Ingress

/// One IMAP or POP3 connection as the server's transport drives it: the same
/// one-step-at-a-time contract as `SMTPIngressConnection` (calls never
/// overlap; work that must wait is the step's `next`).
public protocol MailboxConnection: AnyObject, Sendable {
    /// The greeting; on implicit TLS, with what the handshake negotiated.
    func start(tls: (version: String, cipher: String)?) -> ConnectionStep
    func receive(_ bytes: [UInt8]) -> ConnectionStep
    /// STARTTLS/STLS completed; the session starts over on the protected stream.
    func tlsEstablished(version: String, cipher: String) -> ConnectionStep
    /// The idle timer ran out.
    func timedOut() -> ConnectionStep
    /// The server is stopping.
    func shutdown() -> ConnectionStep
    /// The connection is gone.
    func disconnected()
    /// Where to write what the connection sends without being asked (IMAP
    /// IDLE updates); called once before `start`.
    func setPushSink(_ sink: MailboxPush)
}

extension MailboxConnection {
    public func setPushSink(_ sink: MailboxPush) {}
}

/// Writes to the client outside a step (IMAP IDLE's updates), and tells
/// whether the client keeps up with what was written.
public struct MailboxPush: Sendable {
    /// Writes bytes to the client, in call order.
    public let write: @Sendable ([UInt8]) -> Void
    /// False while earlier writes still wait for the client to read them.
    public let isWritable: @Sendable () -> Bool

    public init(write: @escaping @Sendable ([UInt8]) -> Void, isWritable: @escaping @Sendable () -> Bool = { true }) {
        self.write = write
        self.isWritable = isWritable
    }
}
