import CarrierConfig
import CarrierStore
import LocalDelivery
import MailCore
import SMTPProtocol

/// Decides where a recipient goes (Postfix's trivial-rewrite and local alias
/// step): `mydestination` domains share one namespace of local parts with
/// aliases and `recipient_delimiter` extensions; `virtual_mailbox_domains` have
/// users by full address; anything else is relayed only for trusted clients.
/// It decides from an in-memory `DirectorySnapshot`, so it never waits.
public struct RecipientRouter: Sendable {
    /// Alias chains longer than this are refused as a loop (Postfix: 1000 is the
    /// expansion limit; depth 20 is far beyond any sane configuration).
    static let maximumAliasDepth = 20

    public let settings: CarrierSettings
    /// `transport_maps`: domains delivered locally, refused, or sent elsewhere.
    public let transports: TransportTable

    public init(settings: CarrierSettings, transports: TransportTable = .empty) {
        self.settings = settings
        self.transports = transports
    }

    /// Routes `address`; `relayPermitted` is true for `mynetworks` or authenticated clients.
    /// `systemAccounts` (password-database lookups) is given only off the event loop.
    public func route(_ address: EmailAddress, relayPermitted: Bool, in directory: DirectorySnapshot,
                      systemAccounts: SystemAccountDirectory? = nil) -> RouteDecision {
        var context = Expansion(directory: directory, systemAccounts: systemAccounts)
        return route(address, relayPermitted: relayPermitted, &context)
    }

    /// What one routing walks through: the directory, and the aliases on the current chain.
    struct Expansion {
        let directory: DirectorySnapshot
        let systemAccounts: SystemAccountDirectory?
        var seen: Set<String> = []
    }

    func storeTarget(_ user: UserRecord, _ finalAddress: String) -> LocalTarget {
        LocalTarget(destination: .store(userID: user.id, account: user.address, folder: "INBOX"), finalAddress: finalAddress)
    }

    func route(_ address: EmailAddress, relayPermitted: Bool, _ context: inout Expansion) -> RouteDecision {
        let directory = context.directory
        switch settings.domainClass(address.domain) {
        case .remote:
            switch transports.transport(for: address) {
            case .local?:
                return expandLocal(address.localPart, original: address, depth: 0, &context)
            case .error(let text)?:
                return .reject(Self.transportReply(text, address: address, code: 550, status: EnhancedStatusCode(5, 0, 0)))
            case .retry(let text)?:
                return .reject(Self.transportReply(text, address: address, code: 450, status: EnhancedStatusCode(4, 0, 0)))
            case .smtp?, nil:
                if !relayPermitted {
                    return .reject(SMTPReply(554, EnhancedStatusCode(5, 7, 1), "<\(address)>: Relay access denied"))
                }
                return .remote(address)
            }
        case .virtualMailbox:
            let key = "\(stripExtension(address.localPart.lowercased()))@\(address.normalizedDomain)"
            guard let user = directory.user(address: key) else {
                return .reject(userUnknown(address, table: "virtual mailbox table"))
            }
            return .local([storeTarget(user, address.description)])
        case .local:
            return expandLocal(address.localPart, original: address, depth: 0, &context)
        }
    }

    /// Removes a `recipient_delimiter` extension: `alice+tag` → `alice`.
    func stripExtension(_ local: String) -> String {
        guard !settings.recipientDelimiter.isEmpty else { return local }
        let delimiters = Set(settings.recipientDelimiter)
        guard let cut = local.firstIndex(where: { delimiters.contains($0) }), cut != local.startIndex else { return local }
        return String(local[..<cut])
    }

    func userUnknown(_ address: EmailAddress, table: String) -> SMTPReply {
        SMTPReply(550, EnhancedStatusCode(5, 1, 1), "<\(address)>: Recipient address rejected: User unknown in \(table)")
    }

    func expandLocal(_ localPart: String, original: EmailAddress, depth: Int, _ context: inout Expansion) -> RouteDecision {
        let directory = context.directory
        let name = localPart.lowercased()
        guard depth <= Self.maximumAliasDepth, !context.seen.contains(name) else {
            return .reject(SMTPReply(451, EnhancedStatusCode(4, 3, 0), "<\(original)>: alias expansion loop or too deep"))
        }
        context.seen.insert(name)
        defer { context.seen.remove(name) }
        let bare = stripExtension(name)
        for candidate in Set([name, bare]).sorted(by: { $0.count > $1.count }) {
            if let alias = directory.alias(name: candidate) {
                return expandAlias(alias, original: original, depth: depth, &context)
            }
        }
        if let user = directory.user(address: bare) {
            return .local([storeTarget(user, finalAddress(bare, original))])
        }
        if let destination = context.systemAccounts?.destination(bare) {
            return .local([LocalTarget(destination: destination, finalAddress: finalAddress(bare, original))])
        }
        if ["postmaster", "abuse"].contains(bare) {
            if let alias = directory.alias(name: "root") {
                return expandAlias(alias, original: original, depth: depth, &context)
            }
            if let admin = directory.firstAdmin {
                return .local([storeTarget(admin, finalAddress(admin.address, original))])
            }
            if let destination = context.systemAccounts?.destination("root") {
                return .local([LocalTarget(destination: destination, finalAddress: finalAddress("root", original))])
            }
            return .reject(SMTPReply(451, EnhancedStatusCode(4, 3, 0),
                                     "<\(original)>: no admin user or root alias to receive \(bare) mail"))
        }
        return .reject(userUnknown(original, table: "local recipient table"))
    }

    func finalAddress(_ account: String, _ original: EmailAddress) -> String {
        original.domain.isEmpty ? account : "\(account)@\(original.domain)"
    }

    func expandAlias(_ alias: AliasRecord, original: EmailAddress, depth: Int, _ context: inout Expansion) -> RouteDecision {
        let directory = context.directory
        var targets: [LocalTarget] = []
        var remote: [EmailAddress] = []
        for target in alias.targets {
            let decision: RouteDecision
            if target.hasPrefix("|") || target.hasPrefix("/") || target.lowercased().hasPrefix(":include:") {
                decision = .reject(SMTPReply(451, EnhancedStatusCode(4, 3, 0),
                                             "<\(original)>: alias \(alias.name) has target \(target), which Carrier does not deliver to yet"))
            } else if let at = target.lastIndex(of: "@") {
                let local = String(target[..<at])
                let domain = String(target[target.index(after: at)...])
                let targetAddress = EmailAddress(localPart: local, domain: domain)
                switch settings.domainClass(domain) {
                case .local:
                    decision = expandLocal(local, original: original, depth: depth + 1, &context)
                case .virtualMailbox:
                    decision = route(targetAddress, relayPermitted: false, &context)
                case .remote:
                    decision = route(targetAddress, relayPermitted: true, &context)
                }
            } else if target.lowercased() == alias.name {
                if let user = directory.user(address: alias.name) {
                    decision = .local([storeTarget(user, finalAddress(user.address, original))])
                } else if let destination = context.systemAccounts?.destination(target) {
                    decision = .local([LocalTarget(destination: destination, finalAddress: finalAddress(target, original))])
                } else {
                    return .reject(userUnknown(original, table: "local recipient table"))
                }
            } else {
                decision = expandLocal(target, original: original, depth: depth + 1, &context)
            }
            if case .reject = decision { return decision }
            for t in decision.localTargets where !targets.contains(where: { $0.destination == t.destination }) { targets.append(t) }
            for address in decision.remoteAddresses where !remote.contains(address) { remote.append(address) }
        }
        return remote.isEmpty ? .local(targets) : .split(local: targets, remote: remote)
    }

    /// The reply for an `error:` or `retry:` transport: its text, with the
    /// enhanced status code it starts with when it has one (`error:5.1.1 User unknown`).
    static func transportReply(_ text: String, address: EmailAddress, code: Int, status: EnhancedStatusCode) -> SMTPReply {
        let words = text.split(separator: " ", maxSplits: 1)
        if let first = words.first, let given = EnhancedStatusCode(String(first)), given.statusClass == status.statusClass {
            return SMTPReply(code, given, "<\(address)>: " + (words.count > 1 ? String(words[1]) : "Recipient address rejected"))
        }
        return SMTPReply(code, status, "<\(address)>: \(text)")
    }
}
