import CarrierNetwork
import SMTPProtocol

/// How the SMTP client treats a next hop (Postfix's `smtp_tls_security_level`,
/// `smtp_tls_CAfile`, `smtp_sasl_*`): whether TLS is tried, required or
/// verified, and which credentials to log in with.
public struct OutboundPolicy: Sendable {
    /// `none`, `may` (try STARTTLS), `encrypt` (require it), `verify`/`secure`
    /// (require it and verify the certificate and host name against `caFile`).
    public enum TLSLevel: String, Sendable {
        case none, may, encrypt, verify, secure
    }

    public var ehloName: String
    public var tlsLevel: TLSLevel
    public var caFile: String?
    public var caPath: String?
    public var credentials: (username: String, password: String)?
    /// The SASL mechanisms to use, strongest first (`smtp_sasl_mechanism_filter`
    /// and `noplaintext` in `smtp_sasl_tls_security_options` applied).
    public var saslMechanisms: [String]
    /// PLAIN and LOGIN may go over a connection without TLS
    /// (`smtp_sasl_security_options` without `noplaintext`).
    public var allowPlaintextAuth: Bool
    /// Timeout for connecting and for each reply.
    public var timeout: Duration

    public init(ehloName: String, tlsLevel: TLSLevel, caFile: String? = nil, caPath: String? = nil,
                credentials: (username: String, password: String)? = nil,
                saslMechanisms: [String] = ["SCRAM-SHA-256", "PLAIN", "LOGIN"], allowPlaintextAuth: Bool = false,
                timeout: Duration = .seconds(60)) {
        self.ehloName = ehloName
        self.tlsLevel = tlsLevel
        self.caFile = caFile
        self.caPath = caPath
        self.credentials = credentials
        self.saslMechanisms = saslMechanisms
        self.allowPlaintextAuth = allowPlaintextAuth
        self.timeout = timeout
    }

    var clientConfiguration: SMTPClientConfiguration {
        SMTPClientConfiguration(ehloName: ehloName, tls: tlsLevel == .none ? .none : tlsLevel == .may ? .may : .required,
                                hasCredentials: credentials != nil, saslMechanisms: saslMechanisms,
                                allowPlaintextAuth: allowPlaintextAuth)
    }

    func verification(host: String) -> ClientStream.Verification {
        switch tlsLevel {
        case .verify, .secure: .verify(caFile: caFile, caPath: caPath, hostname: host)
        case .none, .may, .encrypt: .none
        }
    }

    /// The word Postfix logs: `Verified` when the certificate was checked, else `Untrusted`.
    var trustWord: String {
        switch tlsLevel {
        case .verify, .secure: "Verified"
        case .none, .may, .encrypt: "Untrusted"
        }
    }
}
