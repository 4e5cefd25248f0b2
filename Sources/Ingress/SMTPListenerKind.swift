import CarrierConfig
import SMTPProtocol

/// The three SMTP services and their policies, as Postfix's master.cf sets them
/// up: MTA-to-MTA on port 25 (`smtpd_listen`), submission with STARTTLS on 587
/// (`submission_listen`, RFC 6409) and submission over implicit TLS on 465
/// (`submissions_listen`, RFC 8314). Submission always requires TLS and AUTH.
public enum SMTPListenerKind: String, Sendable {
    case smtpd = "smtp"
    case submission
    case submissions

    /// The session limits and policy for this service.
    public func sessionConfiguration(_ settings: CarrierSettings, tlsAvailable: Bool) -> SMTPServerConfiguration {
        var c = settings.smtpServerConfiguration
        let mechanisms = ["PLAIN", "LOGIN", "SCRAM-SHA-256"]
        switch self {
        case .smtpd:
            c.startTLSAvailable = tlsAvailable && settings.smtpdTLSSecurityLevel != .none
            c.tlsRequired = settings.smtpdTLSSecurityLevel == .encrypt
            c.authMechanisms = settings.smtpdSASLAuthEnable ? mechanisms : []
            c.authRequiresTLS = settings.smtpdTLSAuthOnly
        case .submission:
            c.startTLSAvailable = tlsAvailable
            c.tlsRequired = true
            c.authMechanisms = mechanisms
            c.authRequiresTLS = true
            c.authRequiredForMail = true
        case .submissions:
            c.tlsFromStart = true
            c.tlsRequired = true
            c.authMechanisms = mechanisms
            c.authRequiredForMail = true
        }
        return c
    }
}
