import MailCore

/// What an `SMTPServerSession` asks its transport to do, in order.
public enum SMTPServerAction: Equatable, Sendable {
    /// Write this reply to the client.
    case send(SMTPReply)
    /// Decide on MAIL FROM; answer with `SMTPServerEvent.senderChecked`.
    case checkSender(EmailAddress?, MailParameters)
    /// Decide on RCPT TO; answer with `SMTPServerEvent.recipientChecked`.
    case checkRecipient(EmailAddress, RcptParameters, SMTPTransaction)
    /// Look up a VRFY argument; answer with `SMTPServerEvent.verified`.
    case verify(String)
    /// Store the complete message durably; answer with `SMTPServerEvent.delivered`.
    case deliver(SMTPTransaction, [UInt8])
    /// The transaction ended without delivery (RSET, a refused message, a new MAIL).
    case transactionAborted
    /// After the `220` just sent, start TLS; every byte the client sent after
    /// STARTTLS has already been discarded (RFC 3207 §6). Answer with `tlsEstablished`.
    case startTLS
    /// Begin a SASL exchange (RFC 4954); answer with `saslChallenge`, `authenticated` or `authenticationFailed`.
    case authenticate(mechanism: String, initialResponse: String?)
    /// The client's next line of the SASL exchange (base64, or `*` to abort).
    case saslResponse(String)
    /// Close the connection after the replies already sent.
    case close
}

/// The answers the transport feeds back into an `SMTPServerSession`.
public enum SMTPServerEvent: Equatable, Sendable {
    case senderChecked(SMTPReply)
    case recipientChecked(SMTPReply)
    case verified(SMTPReply)
    case delivered(SMTPReply)
    /// The TLS handshake finished: the session starts over (RFC 3207 §4.2).
    case tlsEstablished
    /// Send `334 text` and read the client's next SASL line.
    case saslChallenge(String)
    /// The SASL exchange succeeded for this user (`235 2.7.0`).
    case authenticated(String)
    /// The SASL exchange failed with this reply.
    case authenticationFailed(SMTPReply)
    /// `smtpd_timeout` passed with no input.
    case timedOut
    /// The server is shutting down.
    case shutdown
}
