/// A protocol session as the network layer sees it: bytes in, bytes out.
///
/// Calls happen on the connection's event loop and must not block: a session
/// answers what it can at once and hands anything that has to wait (a store
/// write, a lookup) back as the step's `next` work, which the transport runs
/// off the loop before it reads more input. Calls for one connection never overlap.
///
/// TLS: a session upgrades a plaintext connection by returning an output with
/// `startTLS` (RFC 3207 §4). Bytes of the same `receive` chunk that follow the
/// command are the session's to drop; the transport drops everything else that
/// arrives before the handshake and calls `tlsEstablished` once it is done.
public protocol StreamSession: AnyObject, Sendable {
    /// The connection is ready for the greeting. On an implicit-TLS listener
    /// (RFC 8314) this comes after the handshake, with what it negotiated;
    /// otherwise `tls` is nil.
    func start(tls: TLSInfo?) -> StreamStep
    func receive(_ bytes: [UInt8]) -> StreamStep
    /// The handshake asked for by a `startTLS` output completed; the session
    /// starts over on the protected stream (RFC 3207 §4.2).
    func tlsEstablished(_ info: TLSInfo) -> StreamStep
    /// No input for the configured idle time.
    func timedOut() -> StreamStep
    /// The server is stopping and the grace period is over.
    func shutdown() -> StreamStep
    /// The connection is closed (by either side, or after a failed TLS handshake).
    func disconnected()
    /// Called once before `start` with a way to write to the client at any
    /// time (IMAP IDLE's updates); sessions that only answer input ignore it.
    func attach(push: StreamPush)
}

extension StreamSession {
    public func attach(push: StreamPush) {}
}
