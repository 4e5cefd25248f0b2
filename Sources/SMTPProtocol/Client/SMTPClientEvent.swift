/// What the transport feeds an `SMTPClientSession` (RFC 5321 §3-4 client side).
public enum SMTPClientEvent: Equatable, Sendable {
    /// The TCP connection is open; the greeting comes next (RFC 5321 §3.1).
    case connected
    /// Bytes read from the server.
    case bytes([UInt8])
    /// The TLS handshake asked for by `.startTLS` completed (RFC 3207 §4.2).
    case tlsEstablished
    case tlsFailed(String)
    /// Send this message on the connection; valid after `.ready`.
    case sendMessage(SMTPOutboundMessage)
    /// The SASL client driver's answer to `.authenticate(mechanism:serverChallenge: nil)`:
    /// its base64 initial response, or nil when the mechanism has none (RFC 4954 §4).
    case saslInitialResponse(String?)
    /// The driver's base64 answer to a server challenge.
    case saslClientResponse(String)
    /// The driver cannot go on (a bad challenge, a wrong SCRAM server signature).
    case saslClientFailed(String)
    /// The transport's timer for the current stage ran out (RFC 5321 §4.5.3.2).
    case timeout
    /// The connection ended under the session (the server closed it, a read
    /// or write failed): the message in flight is deferred.
    case connectionLost
    /// No more messages: say QUIT and close.
    case quit
}
