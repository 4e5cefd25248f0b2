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
    public var credentials: (username: String, password: String)?
    /// Timeout for connecting and for each reply.
    public var timeout: Duration

    public init(ehloName: String, tlsLevel: TLSLevel, caFile: String? = nil,
                credentials: (username: String, password: String)? = nil, timeout: Duration = .seconds(60)) {
        self.ehloName = ehloName
        self.tlsLevel = tlsLevel
        self.caFile = caFile
        self.credentials = credentials
        self.timeout = timeout
    }

    var clientConfiguration: SMTPClientConfiguration {
        SMTPClientConfiguration(ehloName: ehloName, tls: tlsLevel == .none ? .none : tlsLevel == .may ? .may : .required,
                                hasCredentials: credentials != nil)
    }

    func verification(host: String) -> ClientStream.Verification {
        switch tlsLevel {
        case .verify, .secure: .verify(caFile: caFile, hostname: host)
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
