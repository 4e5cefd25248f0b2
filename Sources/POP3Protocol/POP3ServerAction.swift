/// What a `POP3ServerSession` asks its transport to do, in order.
public enum POP3ServerAction: Equatable, Sendable {
    /// Write these bytes: one complete response, multi-line ones included.
    case send([UInt8])
    /// After the `+OK Begin TLS negotiation` just sent, start the TLS
    /// handshake (RFC 2595 §4). The session has already dropped every byte the
    /// client sent after STLS; the transport must discard anything it has
    /// buffered or reads before the handshake completes, so no plaintext
    /// command is ever run as if it came over TLS (CVE-2011-0411), then answer
    /// with `.tlsEstablished`.
    case startTLS
    /// Check USER/PASS (RFC 1939 §7); answer with `.authenticated` or
    /// `.authenticationFailed`. The password must never be logged.
    case verifyPassword(user: String, password: String)
    /// Begin a SASL exchange (RFC 5034), as `SMTPServerAction.authenticate`;
    /// answer with `.saslChallenge`, `.authenticated` or `.authenticationFailed`.
    case authenticate(mechanism: String, initialResponse: String?)
    /// The client's next line of the SASL exchange (base64, empty, or `*` to cancel).
    case saslResponse(String)
    /// Take the exclusive-access lock on the user's maildrop (one POP3 session
    /// per mailbox, RFC 1939 §4) and list its messages; answer with
    /// `.maildropOpened`, or with `.maildropFailed` holding no lock.
    case openMaildrop(user: String)
    /// Load the stored bytes of message `number` (UID `uid`); answer with
    /// `.messageLoaded` or `.messageLoadFailed`. `topLines` is set for TOP: the
    /// session sends only the header and that many body lines, so the
    /// transport may read less than the whole message.
    case retrieve(uid: Int64, number: Int, topLines: Int?)
    /// QUIT in TRANSACTION (the UPDATE state, RFC 1939 §6): remove these
    /// messages now; answer with `.deletionsCommitted` or `.deletionsFailed`.
    /// Never asked for when the session ends any other way.
    case commitDeletions([Int64])
    /// Unlock the maildrop opened by `.openMaildrop`.
    case releaseMaildrop
    /// Close the connection after the responses already sent.
    case close
}
