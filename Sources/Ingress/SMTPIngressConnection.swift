import CarrierStore
import Foundation
import LocalDelivery
import Logging
import MailCore
import SMTPProtocol

/// One smtpd connection: runs the pure `SMTPServerSession` and performs the
/// actions it asks for (routing, cleanup, durable delivery), logging each step
/// in Postfix's format.
///
/// The transport calls it one step at a time and never overlaps calls: a step
/// that must wait (a lookup, the commit) returns its `next` work and the
/// transport runs it before calling again. That serialisation is what makes
/// the unchecked `Sendable` sound.
public final class SMTPIngressConnection: @unchecked Sendable {
    let services: IngressServices
    let client: ClientInfo
    var session: SMTPServerSession
    /// The current transaction's queue id (assigned at its first accepted
    /// recipient, as Postfix does) and where each accepted recipient goes.
    var queueID: String?
    var arrival: (wall: Int64, instant: ContinuousClock.Instant)?
    /// Per accepted recipient: its local mailboxes, or nil when it goes to the outbound queue.
    var routes: [RouteDecision] = []
    var finished = false
    let kind: SMTPListenerKind
    let authentication: SMTPAuthentication

    public init(services: IngressServices, client: ClientInfo, kind: SMTPListenerKind = .smtpd, tlsAvailable: Bool = false) {
        self.services = services
        self.client = client
        self.kind = kind
        self.session = SMTPServerSession(configuration: kind.sessionConfiguration(services.settings, tlsAvailable: tlsAvailable))
        self.authentication = SMTPAuthentication(services: services, client: client)
    }

    /// The handshake finished (after STARTTLS, or at connect on implicit TLS).
    public func tlsEstablished(version: String, cipher: String) -> ConnectionStep {
        log.info("Anonymous TLS connection established from \(client): \(version) with cipher \(cipher)")
        return run(session.handle(.tlsEstablished))
    }

    /// Relaying is for `mynetworks` and for authenticated users (Postfix's
    /// `permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination`).
    var relayPermitted: Bool { client.isTrusted || authentication.authenticatedAccount != nil }

    var log: Logger { services.smtpdLogger }

    /// The greeting; logs `connect from`.
    /// The greeting; logs `connect from` (and the TLS line on implicit TLS).
    public func start(tls: (version: String, cipher: String)? = nil) -> ConnectionStep {
        log.info("connect from \(client)")
        if let tls { log.info("Anonymous TLS connection established from \(client): \(tls.version) with cipher \(tls.cipher)") }
        return run(session.start())
    }

    /// The client's concurrency limit was exceeded: answer 421 and close.
    public func refuseTooManyConnections(count: Int) -> ConnectionStep {
        log.warning("warning: Connection concurrency limit exceeded: \(count) from \(client) for service smtp")
        finished = true
        return ConnectionStep(output: ConnectionOutput(bytes: SMTPReply.tooManyConnections(services.settings.myhostname).encoded(), close: true))
    }

    /// The client's connection rate is over `smtpd_client_connection_rate_limit`.
    public func refuseConnectionRate() -> ConnectionStep {
        log.warning("warning: Connection rate limit exceeded: \(services.rateLimiter.connectionLimit + 1) from \(client) for service \(kind.rawValue)")
        finished = true
        return ConnectionStep(output: ConnectionOutput(
            bytes: SMTPReply(421, .init(4, 7, 0), "\(services.settings.myhostname) Error: too many connections from \(client.address)").encoded(),
            close: true))
    }

    public func receive(_ bytes: [UInt8]) -> ConnectionStep {
        run(session.receive(bytes))
    }

    /// `smtpd_timeout` passed without input.
    public func timedOut() -> ConnectionStep {
        log.info("timeout after \(session.lastCommandVerb ?? "CONNECT") from \(client)")
        return run(session.handle(.timedOut))
    }

    /// The server is stopping: answer 421 and close.
    public func shutdown() -> ConnectionStep {
        run(session.handle(.shutdown))
    }

    /// The connection is gone; logs `lost connection` if the client did not QUIT,
    /// then `disconnect from ... commands=N`.
    public func disconnected() {
        guard !finished else { return }
        finished = true
        if !session.isClosed {
            log.info("lost connection after \(session.lastCommandVerb ?? "CONNECT") from \(client)")
        }
        log.info("disconnect from \(client) \(session.statistics.summary)")
    }

    /// Runs actions until one has to wait; that one becomes the step's `next`.
    func run(_ initial: [SMTPServerAction]) -> ConnectionStep {
        var output = ConnectionOutput()
        var queue = initial[...]
        while let action = queue.popFirst() {
            switch action {
            case .send(let reply):
                output.bytes += reply.encoded()
            case .checkSender(let sender, _):
                queue += session.handle(.senderChecked(checkSender(sender)))
            case .startTLS:
                output.startTLS = true
            case .authenticate(let mechanism, let initialResponse):
                let rest = Array(queue)
                return ConnectionStep(output: output) {
                    let event = await self.authentication.begin(mechanism, initialResponse)
                    return self.run(self.session.handle(event) + rest)
                }
            case .saslResponse(let line):
                let rest = Array(queue)
                return ConnectionStep(output: output) {
                    let event = await self.authentication.receive(line)
                    return self.run(self.session.handle(event) + rest)
                }
            case .checkRecipient(let address, _, let transaction):
                let decision = services.router.route(address, relayPermitted: relayPermitted, in: services.directory.snapshot)
                if !Self.isUserUnknown(decision) && !hasLimitedStoreMailbox(decision) {
                    queue += session.handle(.recipientChecked(apply(decision, address, transaction)))
                    continue
                }
                let rest = Array(queue)
                return ConnectionStep(output: output) {
                    let reply = await self.checkRecipientAfterRefresh(address, transaction)
                    return self.run(self.session.handle(.recipientChecked(reply)) + rest)
                }
            case .verify(let argument):
                let rest = Array(queue)
                return ConnectionStep(output: output) {
                    let reply = await self.verify(argument)
                    return self.run(self.session.handle(.verified(reply)) + rest)
                }
            case .deliver(let transaction, let content):
                let rest = Array(queue)
                return ConnectionStep(output: output) {
                    let reply = await self.deliver(transaction, content)
                    return self.run(self.session.handle(.delivered(reply)) + rest)
                }
            case .transactionAborted:
                resetTransaction()
            case .close:
                output.close = true
                disconnected()
            }
        }
        return ConnectionStep(output: output)
    }

    func resetTransaction() {
        queueID = nil
        arrival = nil
        routes = []
    }

    /// The message rate limit, then (on submission) the sender must belong to the logged-in user.
    func checkSender(_ sender: EmailAddress?) -> SMTPReply {
        if !client.isTrusted && !services.rateLimiter.admit(.message, from: client.address) {
            log.warning("warning: Message delivery request rate limit exceeded: \(services.rateLimiter.messageLimit + 1) from \(client) for service \(kind.rawValue)")
            return SMTPReply(450, .init(4, 7, 1), "Error: too many messages from \(client.address)")
        }
        guard kind != .smtpd, !authentication.senderBelongsToUser(sender) else { return .senderOk }
        let user = session.authenticatedUser ?? ""
        log.info("NOQUEUE: reject: MAIL from \(client): 553 5.7.1 <\(sender?.description ?? "")>: Sender address rejected: not owned by user \(user); proto=ESMTP")
        return SMTPReply(553, .init(5, 7, 1), "<\(sender?.description ?? "")>: Sender address rejected: not owned by user \(user)")
    }

    /// An unknown user, or a postmaster without an admin, may have been added
    /// since the snapshot was taken: such a verdict is only believed after the
    /// directory version has been checked.
    static func isUserUnknown(_ decision: RouteDecision) -> Bool {
        guard case .reject(let reply) = decision else { return false }
        return reply.enhancedCode == EnhancedStatusCode(5, 1, 1) || reply.enhancedCode == EnhancedStatusCode(4, 3, 0)
    }

    func checkRecipientAfterRefresh(_ address: EmailAddress, _ transaction: SMTPTransaction) async -> SMTPReply {
        let decision: RouteDecision
        do {
            let directory = try await services.directory.refreshIfChanged()
            decision = services.router.route(address, relayPermitted: relayPermitted, in: directory,
                                             systemAccounts: SystemAccountDirectory(services.settings))
        } catch {
            log.warning("warning: \(client): recipient lookup for <\(address)> failed: \(error)")
            decision = .reject(SMTPReply(451, EnhancedStatusCode(4, 3, 0), "<\(address)>: Temporary lookup failure"))
        }
        if let full = await mailboxFull(decision, address, transaction) { return apply(.reject(full), address, transaction) }
        return apply(decision, address, transaction)
    }

    /// Logs a rejection, or records the route (and the queue id at the first accepted recipient).
    func apply(_ decision: RouteDecision, _ address: EmailAddress, _ transaction: SMTPTransaction) -> SMTPReply {
        switch decision {
        case .reject(let reply):
            let id = queueID ?? "NOQUEUE"
            log.info("\(id): reject: RCPT from \(client): \(reply); from=<\(transaction.sender?.description ?? "")> to=<\(address)> proto=\(transaction.protocolName) helo=<\(transaction.heloName)>")
            return reply
        case .local, .remote, .split:
            if queueID == nil {
                let id = services.queueIDs.next()
                queueID = id
                arrival = (Int64(Date().timeIntervalSince1970), ContinuousClock.now)
                var line = "\(id): client=\(client)"
                if let user = session.authenticatedUser { line += ", sasl_method=\(authentication.mechanism), sasl_username=\(user)" }
                log.info("\(line)")
            }
            routes.append(decision)
            return .recipientOk
        }
    }

    func verify(_ argument: String) async -> SMTPReply {
        var text = argument
        if text.hasPrefix("<") && text.hasSuffix(">") { text = String(text.dropFirst().dropLast()) }
        guard let address = try? SMTPPathParser.mailbox(Array(text.utf8)[...]) else {
            return .syntax("Bad address syntax")
        }
        guard let directory = try? await services.directory.refreshIfChanged() else {
            return SMTPReply(451, EnhancedStatusCode(4, 3, 0), "<\(address)>: Temporary lookup failure")
        }
        switch services.router.route(address, relayPermitted: false, in: directory,
                                     systemAccounts: SystemAccountDirectory(services.settings)) {
        case .reject(let reply): return reply
        case .local, .remote, .split: return SMTPReply(252, EnhancedStatusCode(2, 0, 0), "<\(address)>")
        }
    }

    func deliver(_ transaction: SMTPTransaction, _ content: [UInt8]) async -> SMTPReply {
        defer { resetTransaction() }
        guard let id = queueID, let arrival else { return .needRecipients }
        let settings = services.settings
        let context = CleanupContext(
            queueID: id, heloName: transaction.heloName, client: client, protocolName: transaction.protocolName,
            myhostname: settings.myhostname, mailName: settings.mailName,
            recipients: transaction.recipients.map(\.address.description), addMissingHeaders: client.isTrusted,
            now: Int64(Date().timeIntervalSince1970), zoneOffsetMinutes: TimeZone.current.secondsFromGMT() / 60)
        let cleaned = MessageCleanup.run(content, context)
        let sender = transaction.sender?.description ?? ""
        guard cleaned.hops < settings.hopcountLimit else {
            services.cleanupLogger.warning("warning: \(id): message rejected: hopcount exceeded (\(cleaned.hops) Received: fields); from=<\(sender)> from \(client)")
            return .tooManyHops
        }
        services.cleanupLogger.info("\(id): message-id=\(cleaned.messageID ?? "")")
        let message = AcceptedMessage(queueID: id, sender: sender, content: cleaned.content, metadata: cleaned.metadata,
                                      arrival: arrival.wall, arrivalInstant: arrival.instant,
                                      envelopeID: transaction.parameters.envelopeID,
                                      dsnReturn: transaction.parameters.dsnReturn?.rawValue)
        var recipients: [LocalRecipient] = []
        var queued: [DeliveryBatch.QueuedRecipient] = []
        for (recipient, route) in zip(transaction.recipients, routes) {
            let notify = recipient.parameters.notify.isEmpty ? nil : recipient.parameters.notify.map(\.rawValue).joined(separator: ",")
            for remote in route.remoteAddresses {
                let original = remote == recipient.address ? recipient.parameters.originalRecipient
                                                           : recipient.parameters.originalRecipient ?? XText.originalRecipient(recipient.address.description)
                queued.append(.init(address: remote.description, originalRecipient: original, notify: notify,
                                    reason: "waiting for the outbound queue"))
            }
            for target in route.localTargets where !recipients.contains(where: { $0.destination == target.destination }) {
                recipients.append(LocalRecipient(destination: target.destination, finalAddress: target.finalAddress,
                                                 envelopeAddress: recipient.address.description))
            }
        }
        do {
            let report = try await services.localDelivery.deliver(message, to: recipients, queued: queued)
            if !queued.isEmpty { services.outboundTrigger() }
            await services.notifier.bounce(message, report.bounced.map { ($0.recipient.finalAddress, .localDelivery($0.reason)) })
            return SMTPReply(250, EnhancedStatusCode(2, 0, 0), "Ok: queued as \(id)")
        } catch MailStoreError.storageFull {
            log.warning("warning: \(id): not stored: insufficient system storage; from=<\(sender)> from \(client)")
            return .insufficientStorage
        } catch {
            log.error("error: \(id): not stored: \(error); from=<\(sender)> from \(client)")
            return .localError
        }
    }
}
