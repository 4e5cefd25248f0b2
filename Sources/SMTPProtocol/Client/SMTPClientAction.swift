/// What an `SMTPClientSession` asks its transport to do.
public enum SMTPClientAction: Equatable, Sendable {
    /// Write these bytes to the server.
    case send([UInt8])
    /// Begin the TLS handshake now, dropping any server bytes read before it
    /// (RFC 3207 §4.2); answer with `.tlsEstablished` or `.tlsFailed`.
    case startTLS
    /// Drive the SASL client for `mechanism` (RFC 4954 §4): with a nil
    /// challenge, start it and answer `.saslInitialResponse`; with a base64
    /// challenge, answer `.saslClientResponse` or `.saslClientFailed`.
    case authenticate(mechanism: String, serverChallenge: String?)
    /// The outcome of the message given with `.sendMessage`.
    case messageResult(SMTPOutboundResult)
    /// The connection is idle and can take another message.
    case ready
    /// The connection cannot be used; the caller may try the next host when
    /// the failure is temporary. `.close` follows.
    case connectionFailed(SMTPClientFailure)
    /// Close the connection.
    case close
}
