import CarrierStore
import Ingress
import Logging
import POP3Protocol

/// One POP3 connection: runs the pure `POP3ServerSession` and does what it
/// asks — authentication through the shared `AccountAuthenticator`, the
/// maildrop lock, loading messages, and at QUIT the deletions, which remove
/// the messages from the store (IMAP sessions see them expunged). Logs in
/// Dovecot's words under `carrier/pop3d`.
public final class POP3Connection: MailboxConnection, @unchecked Sendable {
    let services: MailboxServices
    let client: ClientInfo
    var session: POP3ServerSession
    let authenticator: AccountAuthenticator
    /// The locked maildrop: its owner's user id, and the INBOX's mailbox id when it exists.
    var lockedUserID: Int64?
    var mailboxID: Int64?
    /// The body of each message in the maildrop, by UID.
    var bodyHashes: [Int64: String] = [:]
    /// The maildrop's UIDs and sizes in message-number order, for read-ahead.
    var order: [(uid: Int64, size: Int)] = []
    /// Bodies read ahead of the client's RETR, by UID (at most `readAheadBytes` of them).
    var readAhead: [Int64: [UInt8]] = [:]
    /// How much the read-ahead may hold: clients fetch in order, so one store
    /// read serves many RETRs without holding much of the maildrop in memory.
    static let readAheadBytes = 1 << 20
    var user: String?
    var statistics = (retrieved: 0, retrievedBytes: 0, deleted: 0)
    var finished = false

    public init(services: MailboxServices, client: ClientInfo, stlsOffered: Bool, implicitTLS: Bool) {
        self.services = services
        self.client = client
        var configuration = POP3ServerConfiguration(hostname: services.ingress.settings.myhostname)
        configuration.allowPlaintextWithoutTLS = !services.ingress.settings.disablePlaintextAuth
        configuration.stlsOffered = stlsOffered
        configuration.tlsFromStart = implicitTLS
        session = POP3ServerSession(configuration: configuration)
        authenticator = AccountAuthenticator(services: services.ingress, client: client, log: services.pop3Logger)
    }

    var log: Logger { services.pop3Logger }

    public func start(tls: (version: String, cipher: String)?) -> ConnectionStep {
        log.info("connect from \(client)\(tls.map { ", TLS: \($0.version) with cipher \($0.cipher)" } ?? "")")
        return run(session.handle(.connected))
    }

    public func receive(_ bytes: [UInt8]) -> ConnectionStep { run(session.handle(.bytes(bytes))) }

    public func tlsEstablished(version: String, cipher: String) -> ConnectionStep {
        log.info("TLS connection established from \(client): \(version) with cipher \(cipher)")
        return run(session.handle(.tlsEstablished))
    }

    public func timedOut() -> ConnectionStep {
        log.info("\(user.map { "user=<\($0)>, " } ?? "")\(client): Disconnected for inactivity")
        return run(session.handle(.idleTimeout))
    }

    public func shutdown() -> ConnectionStep { run(session.handle(.shutdown)) }

    public func disconnected() {
        guard !finished else { return }
        _ = run(session.handle(.disconnected))
        finish(reason: "Disconnected")
    }

    func finish(reason: String) {
        guard !finished else { return }
        finished = true
        releaseMaildrop()
        let who = user.map { "pop3(\($0))" } ?? "pop3-login"
        log.info("\(who): \(reason): \(client) retr=\(statistics.retrieved)/\(statistics.retrievedBytes), del=\(statistics.deleted)")
    }

    func releaseMaildrop() {
        if let lockedUserID { services.maildropLocks.release(lockedUserID) }
        lockedUserID = nil
        mailboxID = nil
    }

    /// Runs actions until one has to wait; that one becomes the step's `next`.
    func run(_ initial: [POP3ServerAction]) -> ConnectionStep {
        var output = ConnectionOutput()
        var queue = initial[...]
        while let action = queue.popFirst() {
            let rest = Array(queue)
            switch action {
            case .send(let bytes):
                output.bytes += bytes
            case .startTLS:
                output.startTLS = true
            case .verifyPassword(let user, let password):
                return ConnectionStep(output: output) {
                    let event = self.event(await self.authenticator.login(user: user, password: password))
                    return self.run(self.session.handle(event) + rest)
                }
            case .authenticate(let mechanism, let initialResponse):
                return ConnectionStep(output: output) {
                    let event = self.event(await self.authenticator.begin(mechanism, initialResponse))
                    return self.run(self.session.handle(event) + rest)
                }
            case .saslResponse(let line):
                return ConnectionStep(output: output) {
                    let event = self.event(await self.authenticator.receive(line))
                    return self.run(self.session.handle(event) + rest)
                }
            case .openMaildrop(let name):
                return ConnectionStep(output: output) {
                    let event = await self.openMaildrop(name)
                    return self.run(self.session.handle(event) + rest)
                }
            case .retrieve(let uid, _, let topLines):
                return ConnectionStep(output: output) {
                    let event = await self.load(uid: uid, top: topLines != nil)
                    return self.run(self.session.handle(event) + rest)
                }
            case .commitDeletions(let uids):
                return ConnectionStep(output: output) {
                    let event = await self.delete(uids)
                    return self.run(self.session.handle(event) + rest)
                }
            case .releaseMaildrop:
                releaseMaildrop()
            case .close:
                output.close = true
                finish(reason: "Logged out")
            }
        }
        return ConnectionStep(output: output)
    }

    func event(_ outcome: AccountAuthenticator.Outcome) -> POP3ServerEvent {
        switch outcome {
        case .challenge(let text): return .saslChallenge(text)
        case .success(let authenticationID, let account):
            user = account
            log.info("Login: user=<\(account)>, method=\(authenticator.mechanism), \(client)")
            return .authenticated(authenticationID)
        case .failure(.aborted): return .authenticationFailed(.authenticationAborted)
        case .failure(.malformedResponse), .failure(.responseTooLong): return .authenticationFailed(.malformedAuthenticationResponse)
        case .failure: return .authenticationFailed(.authenticationFailed)
        case .lockedOut: return .authenticationFailed(.temporaryAuthenticationFailure)
        case .unsupportedMechanism: return .authenticationFailed(.unsupportedMechanism)
        }
    }
}
