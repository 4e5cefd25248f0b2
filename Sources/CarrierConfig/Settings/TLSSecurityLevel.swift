/// Postfix's `smtpd_tls_security_level`: whether STARTTLS is offered (`may`),
/// required before MAIL and AUTH (`encrypt`), or not offered (`none`).
public enum TLSSecurityLevel: String, Sendable, Equatable {
    case none
    case may
    case encrypt

    static func read(_ key: String, from configuration: Configuration) throws -> TLSSecurityLevel {
        let text = try configuration.string(key)
        guard let level = TLSSecurityLevel(rawValue: text.isEmpty ? "none" : text) else {
            throw ConfigError(location: configuration.entry(for: key)?.location,
                              message: "\(key): invalid value \"\(text)\": expected none, may or encrypt")
        }
        return level
    }
}
