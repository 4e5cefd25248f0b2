/// How an `SMTPClientSession` talks to one server: its EHLO name (RFC 5321
/// §4.1.1.1), its STARTTLS policy (RFC 3207) and whether and how it may
/// authenticate (RFC 4954), as Postfix's `smtp_*` settings say.
public struct SMTPClientConfiguration: Equatable, Sendable {
    /// Postfix's `smtp_tls_security_level` as far as the protocol sees it
    /// (certificate checks belong to the transport).
    public enum TLSPolicy: Equatable, Sendable {
        /// Never send STARTTLS.
        case none
        /// STARTTLS when offered, else plaintext (`may`).
        case may
        /// STARTTLS or no mail at all (`encrypt`, `verify`, `secure`).
        case required
    }

    /// The name sent in EHLO and HELO (`$myhostname`).
    public var ehloName: String
    public var tls: TLSPolicy
    /// True when SASL credentials exist for this next hop; the secret itself
    /// stays with the SASL client driver.
    public var hasCredentials: Bool
    /// The mechanisms the client may use, strongest first (the session picks the
    /// first the server also offers): `smtp_sasl_mechanism_filter`.
    public var saslMechanisms: [String]
    /// False for `smtp_sasl_security_options = noplaintext`: then PLAIN and
    /// LOGIN are never sent over a connection without TLS.
    public var allowPlaintextAuth: Bool
    /// Use RFC 2920 pipelining when the server offers it.
    public var pipelining: Bool

    public init(ehloName: String, tls: TLSPolicy = .may, hasCredentials: Bool = false,
                saslMechanisms: [String] = ["SCRAM-SHA-256", "PLAIN", "LOGIN"],
                allowPlaintextAuth: Bool = false, pipelining: Bool = true) {
        self.ehloName = ehloName
        self.tls = tls
        self.hasCredentials = hasCredentials
        self.saslMechanisms = saslMechanisms
        self.allowPlaintextAuth = allowPlaintextAuth
        self.pipelining = pipelining
    }
}
