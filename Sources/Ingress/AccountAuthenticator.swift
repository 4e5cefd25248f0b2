import CarrierAuth
import CarrierStore
import Logging
import MailCore

/// Runs SASL exchanges (RFC 4422) and plain user/password logins against the
/// account directory for any protocol — SMTP AUTH, IMAP AUTHENTICATE/LOGIN,
/// POP3 AUTH/USER+PASS — with the brute-force limiter shared by all of them,
/// and logs each failure in Postfix's format (`warning: host[ip]: SASL PLAIN
/// authentication failed: ...`, which fail2ban's filters match).
public final class AccountAuthenticator: @unchecked Sendable {
    /// Where an exchange stands after a step.
    public enum Outcome: Equatable, Sendable {
        /// Send this base64 challenge and read the client's next line.
        case challenge(String)
        /// Authenticated: the name the client gave, and the account key.
        case success(authenticationID: String, account: String)
        case failure(SASLFailure)
        /// Too many failures from this client or for this account.
        case lockedOut(Duration)
        case unsupportedMechanism
    }

    let services: IngressServices
    let client: ClientInfo
    let log: Logger
    private var exchange: SASLServerExchange?
    /// The mechanism of the current or last exchange, for logs.
    public private(set) var mechanism = ""
    private var account: String?
    /// The account key of the authenticated user.
    public private(set) var authenticatedAccount: String?

    public init(services: IngressServices, client: ClientInfo, log: Logger) {
        self.services = services
        self.client = client
        self.log = log
    }

    public func begin(_ mechanismName: String, _ initialResponse: String?) async -> Outcome {
        if case .lockedOut(let remaining) = verdict(account: nil) { return lockedOut(remaining) }
        guard let mechanism = SASLMechanism(name: mechanismName) else { return .unsupportedMechanism }
        self.mechanism = mechanism.name
        var exchange = SASLServerExchange(mechanism: mechanism, serverNonce: SASLServerExchange.randomNonce())
        let step = exchange.start(initialResponse: initialResponse)
        self.exchange = exchange
        return await advance(step)
    }

    public func receive(_ line: String) async -> Outcome {
        guard var exchange else { return .failure(.malformedResponse) }
        let step = exchange.receive(line)
        self.exchange = exchange
        return await advance(step)
    }

    /// A plain login (IMAP LOGIN, POP3 USER/PASS): the PLAIN exchange of RFC 4616 with these credentials.
    public func login(user: String, password: String) async -> Outcome {
        let message = Array("\0\(user)\0\(password)".utf8)
        return await begin("PLAIN", SASLBase64.encode(message))
    }

    private func advance(_ step: SASLStep) async -> Outcome {
        switch step {
        case .challenge(let text):
            return .challenge(text)
        case .lookup(let authenticationID):
            let key = services.settings.accountKey(forAddress: authenticationID)
            account = key
            if case .lockedOut(let remaining) = verdict(account: key) { return lockedOut(remaining) }
            let hash = await passwordHash(key)
            guard let current = exchange else { return .failure(.malformedResponse) }
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
            return .success(authenticationID: authenticationID, account: key)
        case .failure(let failure):
            exchange = nil
            log.warning("warning: \(client): SASL \(mechanism) authentication failed: \(failure.text)")
            guard !client.isTrusted else { return .failure(failure) }
            if failure != .aborted { services.authLimiter.recordFailure(client: client.address, account: account) }
            if case .allowed(let delay) = services.authLimiter.verdict(client: client.address, account: account), delay > .zero {
                try? await Task.sleep(for: delay)
            }
            return .failure(failure)
        }
    }

    /// Trusted (`mynetworks`) clients are exempt, as Postfix exempts them from rate limits.
    private func verdict(account: String?) -> AuthVerdict {
        client.isTrusted ? .allowed(delay: .zero) : services.authLimiter.verdict(client: client.address, account: account)
    }

    private func lockedOut(_ remaining: Duration) -> Outcome {
        log.warning("warning: \(client): SASL \(mechanism.isEmpty ? "AUTH" : mechanism) authentication failed: too many failures, locked out for \(remaining.components.seconds)s")
        return .lockedOut(remaining)
    }

    private func passwordHash(_ key: String?) async -> PasswordHash? {
        guard let key else { return nil }
        let snapshot = (try? await services.directory.refreshIfChanged()) ?? services.directory.snapshot
        return snapshot.user(address: key).flatMap { try? PasswordHash(parsing: $0.passwordHash) }
    }
}
