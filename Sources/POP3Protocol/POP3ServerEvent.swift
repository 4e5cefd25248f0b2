/// What the transport feeds a `POP3ServerSession`: input, and the answers to its actions.
public enum POP3ServerEvent: Equatable, Sendable {
    /// The connection is open (after the handshake on implicit TLS): greet.
    case connected
    /// Bytes read from the client.
    case bytes([UInt8])
    /// The handshake asked for by `.startTLS` completed. The session stays in
    /// AUTHORIZATION (RFC 2595 §4) and forgets what the client said before
    /// (a USER name, UTF8 mode), as RFC 3207 §4.2 requires of SMTP.
    case tlsEstablished
    /// Send `+ text` (base64) and read the client's next SASL line (RFC 5034 §4).
    case saslChallenge(String)
    /// USER/PASS or the SASL exchange succeeded for this user; the session
    /// asks to open the maildrop next.
    case authenticated(String)
    /// USER/PASS or the SASL exchange failed: send this `-ERR` (one of the
    /// `POP3Response` authentication responses, RFC 3206 `[AUTH]` or `[SYS/TEMP]`).
    case authenticationFailed(POP3Response)
    /// The maildrop is locked; its messages in the order to number them from 1.
    case maildropOpened([POP3MessageInfo])
    case maildropFailed(POP3MaildropFailure)
    /// The stored bytes of the message asked for with `.retrieve`.
    case messageLoaded([UInt8])
    case messageLoadFailed
    case deletionsCommitted
    case deletionsFailed
    /// The transport's idle timer ran out (RFC 1939 §3: at least 10 minutes).
    case idleTimeout
    /// The server is shutting down.
    case shutdown
    /// The connection is gone (the client left without QUIT, or a write failed).
    case disconnected
}
