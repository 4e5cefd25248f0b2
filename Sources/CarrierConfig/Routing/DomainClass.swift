/// How the server treats a recipient domain (Postfix's address classes,
/// ADDRESS_CLASS_README): local (`mydestination`), hosted (`virtual_mailbox_domains`)
/// or neither (relay or reject).
public enum DomainClass: Equatable, Sendable {
    case local
    case virtualMailbox
    case remote
}

extension CarrierSettings {
    /// The class of `domain` (case-insensitive, trailing dot ignored). An empty
    /// domain (RFC 5321 `<postmaster>`) is local.
    public func domainClass(_ domain: String) -> DomainClass {
        var d = domain.lowercased()
        while d.hasSuffix(".") { d.removeLast() }
        if d.isEmpty || mydestination.contains(d) { return .local }
        if virtualMailboxDomains.contains(d) { return .virtualMailbox }
        return .remote
    }

    /// The account key an address is stored under: the lowercased local part for
    /// `mydestination` domains (one shared namespace), the lowercased full address
    /// for hosted domains, nil for remote ones. A bare name is a local user.
    /// `recipient_delimiter` extensions are not removed here.
    public func accountKey(forAddress address: String) -> String? {
        guard let at = address.lastIndex(of: "@") else { return address.isEmpty ? nil : address.lowercased() }
        let local = address[..<at].lowercased()
        let domain = String(address[address.index(after: at)...])
        switch domainClass(domain) {
        case .local: return local
        case .virtualMailbox:
            var d = domain.lowercased()
            while d.hasSuffix(".") { d.removeLast() }
            return "\(local)@\(d)"
        case .remote: return nil
        }
    }
}
