import CarrierAuth
import CarrierConfig
import CarrierStore
import Logging
import MailCore
import SMTPProtocol

/// Runs the SASL exchanges of one SMTP connection (RFC 4954) against the
/// account directory, with the shared brute-force limiter, and logs failures
/// in Postfix's format (`warning: host[ip]: SASL PLAIN authentication failed: ...`,
/// which fail2ban's postfix-sasl filter matches).
final class SMTPAuthentication: @unchecked Sendable {
    let services: IngressServices
    let client: ClientInfo
    private var exchange: SASLServerExchange?
    private(set) var mechanism = ""
    private var account: String?
    /// The account key of the authenticated user.
    private(set) var authenticatedAccount: String?

    init(services: IngressServices, client: ClientInfo) {
        self.services = services
        self.client = client
    }

    var log: Logger { services.smtpdLogger }

    func begin(_ mechanismName: String, _ initialResponse: String?) async -> SMTPServerEvent {
        if case .lockedOut(let remaining) = verdict(account: nil) {
            return lockedOut(remaining)
        }
        guard let mechanism = SASLMechanism(name: mechanismName) else {
            return .authenticationFailed(SMTPReply(504, .init(5, 5, 4), "Error: unsupported authentication mechanism"))
        }
        self.mechanism = mechanism.name
        var exchange = SASLServerExchange(mechanism: mechanism, serverNonce: SASLServerExchange.randomNonce())
        let step = exchange.start(initialResponse: initialResponse)
        self.exchange = exchange
        return await advance(step)
    }

    func receive(_ line: String) async -> SMTPServerEvent {
        guard var exchange else { return .authenticationFailed(.badSequence("Error: no authentication in progress")) }
        let step = exchange.receive(line)
        self.exchange = exchange
        return await advance(step)
    }

    private func advance(_ step: SASLStep) async -> SMTPServerEvent {
        switch step {
        case .challenge(let text):
            return .saslChallenge(text)
        case .lookup(let authenticationID):
            let key = services.settings.accountKey(forAddress: authenticationID)
            account = key
            if case .lockedOut(let remaining) = verdict(account: key) { return lockedOut(remaining) }
            let hash = await passwordHash(key)
            guard let current = exchange else { return .authenticationFailed(.badSequence("Error: no authentication in progress")) }
            let (next, step) = await OffLoop.run {
                var copy = current
                let step = copy.credentials(hash)
                return (copy, step)
            }
            exchange = next
            return await advance(step)
        case .success(let authenticationID, _):
            exchange = nil
            let key = services.settings.accountKey(forAddress: authenticationID) ?? authenticationID.lowercased()
            authenticatedAccount = key
            if !client.isTrusted { services.authLimiter.recordSuccess(client: client.address, account: key) }
            return .authenticated(authenticationID)
        case .failure(let failure):
            exchange = nil
            log.warning("warning: \(client): SASL \(mechanism) authentication failed: \(failure.text)")
            guard !client.isTrusted else { return .authenticationFailed(SMTPReply(failure.smtpCode, failure.enhancedCode, failure.text)) }
            if failure != .aborted { services.authLimiter.recordFailure(client: client.address, account: account) }
            if case .allowed(let delay) = services.authLimiter.verdict(client: client.address, account: account), delay > .zero {
                try? await Task.sleep(for: delay)
            }
            return .authenticationFailed(SMTPReply(failure.smtpCode, failure.enhancedCode, failure.text))
        }
    }

    /// Trusted (`mynetworks`) clients are exempt, as Postfix exempts them from rate limits.
    private func verdict(account: String?) -> AuthVerdict {
        client.isTrusted ? .allowed(delay: .zero) : services.authLimiter.verdict(client: client.address, account: account)
    }

    private func lockedOut(_ remaining: Duration) -> SMTPServerEvent {
        log.warning("warning: \(client): SASL \(mechanism.isEmpty ? "AUTH" : mechanism) authentication failed: too many failures, locked out for \(remaining.components.seconds)s")
        return .authenticationFailed(SMTPReply(454, .init(4, 7, 0), "Temporary authentication failure: too many failed attempts, try again later"))
    }

    private func passwordHash(_ key: String?) async -> PasswordHash? {
        guard let key else { return nil }
        let snapshot = (try? await services.directory.refreshIfChanged()) ?? services.directory.snapshot
        return snapshot.user(address: key).flatMap { try? PasswordHash(parsing: $0.passwordHash) }
    }

    /// `reject_sender_login_mismatch`: on submission the envelope sender must be
    /// one of the user's addresses — its own, or an alias that delivers to it.
    func senderBelongsToUser(_ sender: EmailAddress?) -> Bool {
        guard let sender, let user = authenticatedAccount else { return true }
        if services.settings.accountKey(forAddress: sender.description) == user { return true }
        guard case .local(let targets) = services.router.route(sender, relayPermitted: false, in: services.directory.snapshot) else {
            return false
        }
        return targets.contains { target in
            if case .store(_, let account, _) = target.destination { return account == user }
            return false
        }
    }
}
