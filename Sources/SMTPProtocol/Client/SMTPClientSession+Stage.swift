extension SMTPClientSession {
    /// What the session waits for (RFC 5321 §4.5.3.2 names a timeout for each).
    enum Stage: Equatable, Sendable, CustomStringConvertible {
        case disconnected
        case greeting
        case ehlo
        case helo
        case startTLS
        case tlsHandshake
        /// Waiting for the SASL driver: its initial response, or its answer to a challenge.
        case saslDriver(mechanism: String, initial: Bool)
        case saslServer(mechanism: String)
        case idle
        case transaction
        case resetting
        case quitting
        case closed

        /// False while server bytes must not be read: before the connection,
        /// during a TLS handshake, after the end.
        var readsReplies: Bool {
            switch self {
            case .disconnected, .tlsHandshake, .closed: false
            default: true
            }
        }

        /// Postfix's words for where a conversation stopped.
        var description: String {
            switch self {
            case .disconnected: "before connecting"
            case .greeting: "while receiving the initial server greeting"
            case .ehlo: "in reply to EHLO"
            case .helo: "in reply to HELO"
            case .startTLS: "in reply to STARTTLS"
            case .tlsHandshake: "during the TLS handshake"
            case .saslDriver, .saslServer: "during SASL authentication"
            case .idle: "while idle"
            case .transaction: "while sending the message"
            case .resetting: "in reply to RSET"
            case .quitting: "in reply to QUIT"
            case .closed: "after the connection was closed"
            }
        }
    }
}
