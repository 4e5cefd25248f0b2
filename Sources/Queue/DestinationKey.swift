import CarrierConfig

/// What one set of connections serves: a next hop and, with
/// `smtp_sender_dependent_authentication`, the sender whose own credentials
/// log in there (Postfix keys its connection cache the same way).
struct DestinationKey: Hashable, Sendable {
    var hop: NextHop
    /// The `smtp_sasl_password_maps` key that gave the credentials, when it was a sender's.
    var credentialSender: String?
}

/// `smtp_sasl_password_maps` lookups for one queue pass, each key read once:
/// the sender (`user@domain`, then `@domain`) when sender-dependent
/// authentication is on, else the next hop.
struct CredentialLookup {
    let settings: CarrierSettings
    private var found: [String: (username: String, password: String)?] = [:]

    init(settings: CarrierSettings) {
        self.settings = settings
    }

    /// The destination for `hop` and `sender`.
    mutating func key(for hop: NextHop, sender: String) async -> DestinationKey {
        guard settings.smtpSASLAuthEnable, settings.smtpSenderDependentAuthentication, !sender.isEmpty else {
            return DestinationKey(hop: hop)
        }
        for key in Self.senderKeys(sender) where await lookup(key) != nil {
            return DestinationKey(hop: hop, credentialSender: key)
        }
        return DestinationKey(hop: hop)
    }

    /// The credentials for a destination.
    mutating func credentials(for destination: DestinationKey) async -> (username: String, password: String)? {
        guard settings.smtpSASLAuthEnable else { return nil }
        if let sender = destination.credentialSender { return await lookup(sender) }
        for key in destination.hop.passwordMapKeys {
            if let value = await lookup(key) { return value }
        }
        return nil
    }

    static func senderKeys(_ sender: String) -> [String] {
        guard let at = sender.lastIndex(of: "@") else { return [sender] }
        return [sender, String(sender[at...])]
    }

    private mutating func lookup(_ key: String) async -> (username: String, password: String)? {
        if let cached = found[key] { return cached }
        let value = try? await SASLPasswordMap(tables: settings.smtpSASLPasswordMaps).credentials(forKey: key)
        found[key] = .some(value ?? nil)
        return value ?? nil
    }
}
