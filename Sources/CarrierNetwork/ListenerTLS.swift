/// How a listener offers TLS.
public enum ListenerTLS: Sendable {
    /// Plaintext only: a session asking for `startTLS` gets the connection closed.
    case none
    /// Plaintext first; a session may upgrade with a `startTLS` output (RFC 3207).
    case startTLS(TLSServerContext)
    /// TLS from the first byte (RFC 8314 §3.3): the session starts after the handshake.
    case implicit(TLSServerContext)
}
