import CarrierConfig
import CarrierServer

/// Parameters Carrier already knows (so they are not "unused") but whose
/// feature has not landed yet: `serve` warns when a configuration sets one, so
/// an operator never believes an inert setting is in force.
enum PendingParameters {
    static let keys: [String: String] = [
        "bounce_queue_lifetime": "separate bounce lifetimes",
        "smtpd_error_sleep_time": "error tarpitting", "smtpd_soft_error_limit": "error tarpitting",
    ]

    /// Settings Carrier deliberately does not honour, with the reason.
    static let refused: [String: (value: String, reason: String)] = [
        "smtpd_forbid_bare_newline": ("no", "Carrier always refuses bare <LF> and <CR>, the SMTP smuggling vector"),
    ]

    /// One warning per pending key the file sets to something other than empty or its default: `carrier.cf:4: smtpd_tls_cert_file is set, but TLS is not in this version yet`.
    static func warnings(_ configuration: Configuration) -> [String] {
        keys.keys.sorted().compactMap { key in
            guard let entry = configuration.entry(for: key), let feature = keys[key],
                  !entry.value.isEmpty, entry.value != configuration.table[key]?.defaultValue else { return nil }
            return "\(entry.location): \(key) is set, but \(feature) is not in Carrier \(versionText) yet; the setting has no effect"
        }
    }

    /// Warnings for settings Carrier does not honour on purpose.
    static func refusals(_ configuration: Configuration) -> [String] {
        refused.keys.sorted().compactMap { key in
            guard let entry = configuration.entry(for: key), let rule = refused[key], entry.value == rule.value else { return nil }
            return "\(entry.location): \(key) = \(rule.value) is ignored: \(rule.reason)"
        }
    }

    static let versionText = CarrierVersion.current
}
