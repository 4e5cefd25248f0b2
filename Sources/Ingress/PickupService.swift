import CarrierStore
import Foundation
import LocalDelivery
import Logging
import MailCore

/// Postfix's pickup: takes messages that `sendmail` and `carrier mail` left in
/// the maildrop, runs cleanup (Received, Message-ID, Date, From), routes every
/// recipient, delivers or queues them, bounces the undeliverable, and only then
/// removes the maildrop file. It looks at the maildrop at start, every second,
/// and at once when triggered (SIGUSR1, `postqueue -f`).
public final class PickupService: Sendable {
    let maildrop: Maildrop
    let currentServices: @Sendable () -> IngressServices
    /// Logs as `carrier/pickup`.
    let logger: Logger
    private let wake = WakeSignal()

    public init(maildrop: Maildrop, logger: Logger, services: @escaping @Sendable () -> IngressServices) {
        self.maildrop = maildrop
        self.logger = logger
        self.currentServices = services
    }

    /// Picks up now instead of at the next poll.
    public func trigger() {
        wake.signal()
    }

    /// Runs until the task is cancelled.
    public func run(pollInterval: Duration = .seconds(1)) async {
        while !Task.isCancelled {
            await drain()
            await wake.wait(timeout: pollInterval)
        }
    }

    /// Processes everything waiting in the maildrop once.
    public func drain() async {
        for entry in maildrop.entries() {
            if Task.isCancelled { return }
            await pickUp(entry.envelope.queueID)
        }
    }

    func pickUp(_ queueID: String) async {
        let services = currentServices()
        let envelope: Maildrop.Envelope
        let content: [UInt8]
        do {
            (envelope, content) = try maildrop.read(queueID: queueID)
        } catch {
            logger.error("warning: maildrop file \(queueID): \(error); left in place")
            return
        }
        let uid = SystemAccount.lookup(envelope.submitter)?.uid ?? 0
        logger.info("\(queueID): uid=\(uid) from=<\(envelope.sender)>")
        let (message, hops) = prepare(envelope, content, uid: uid, services)
        let (local, queued, bounced) = hops < services.settings.hopcountLimit ? await route(envelope, services)
                                                                               : refuseLooping(envelope, hops: hops)
        do {
            let report = try await services.localDelivery.deliver(message, to: local, queued: queued)
            await services.notifier.bounce(message, bounced + report.bounced.map { ($0.recipient.finalAddress, .localDelivery($0.reason)) })
            try maildrop.remove(queueID: queueID)
            if !queued.isEmpty { services.outboundTrigger() }
        } catch {
            logger.error("warning: \(queueID): delivery failed, will retry: \(error)")
        }
    }

    /// The cleaned message, and the hops it arrived with.
    func prepare(_ envelope: Maildrop.Envelope, _ content: [UInt8], uid: UInt32, _ services: IngressServices) -> (AcceptedMessage, hops: Int) {
        let settings = services.settings
        var context = CleanupContext(
            queueID: envelope.queueID, heloName: "", client: ClientInfo(hostname: "localhost", address: "127.0.0.1", port: 0, isTrusted: true),
            protocolName: "local", myhostname: settings.myhostname, mailName: settings.mailName,
            recipients: envelope.recipients, addMissingHeaders: true, now: Int64(Date().timeIntervalSince1970),
            zoneOffsetMinutes: TimeZone.current.secondsFromGMT() / 60)
        context.localSubmission = (uid, envelope.sender)
        let cleaned = MessageCleanup.run(content, context)
        services.cleanupLogger.info("\(envelope.queueID): message-id=\(cleaned.messageID ?? "")")
        let age = max(0, context.now - envelope.arrival)
        return (AcceptedMessage(queueID: envelope.queueID, sender: envelope.sender, content: cleaned.content,
                                metadata: cleaned.metadata, arrival: envelope.arrival, arrivalInstant: .now - .seconds(age)),
                cleaned.hops)
    }

    /// Where a picked-up message's recipients go: local targets, recipients
    /// for the queue (with the reason they wait), and bounces.
    typealias Routing = (local: [LocalRecipient], queued: [DeliveryBatch.QueuedRecipient],
                         bounced: [(address: String, reason: BounceReason)])

    /// Every recipient bounced: the message has passed `hopcount_limit` hosts (RFC 5321 §6.3).
    func refuseLooping(_ envelope: Maildrop.Envelope, hops: Int) -> Routing {
        logger.warning("warning: \(envelope.queueID): message rejected: hopcount exceeded (\(hops) Received: fields)")
        let reason = "message rejected: too many hops (\(hops) Received: header fields)"
        for recipient in envelope.recipients {
            logger.info("\(envelope.queueID): to=<\(recipient)>, relay=none, dsn=5.4.6, status=bounced (\(reason))")
        }
        return ([], [], envelope.recipients.map { ($0, BounceReason(reason, status: EnhancedStatusCode(5, 4, 6))) })
    }

    /// Routes every recipient of a picked-up message.
    func route(_ envelope: Maildrop.Envelope, _ services: IngressServices) async -> Routing {
        let snapshot = (try? await services.directory.refreshIfChanged()) ?? services.directory.snapshot
        let accounts = SystemAccountDirectory(services.settings)
        var local: [LocalRecipient] = []
        var queued: [DeliveryBatch.QueuedRecipient] = []
        var bounced: [(address: String, reason: BounceReason)] = []
        for text in envelope.recipients {
            guard let address = try? EnvelopeAddressParser.parse(text) else {
                logger.info("\(envelope.queueID): to=<\(text)>, relay=none, dsn=5.1.3, status=bounced (bad address syntax)")
                bounced.append((text, BounceReason("bad address syntax", status: EnhancedStatusCode(5, 1, 3))))
                continue
            }
            let decision = services.router.route(address, relayPermitted: true, in: snapshot, systemAccounts: accounts)
            switch decision {
            case .local, .remote, .split:
                for target in decision.localTargets where !local.contains(where: { $0.destination == target.destination }) {
                    local.append(LocalRecipient(destination: target.destination, finalAddress: target.finalAddress, envelopeAddress: text))
                }
                for remote in decision.remoteAddresses {
                    queued.append(.init(address: remote.description, originalRecipient: remote == address ? nil : XText.originalRecipient(text),
                                        reason: "waiting for the outbound queue"))
                }
            case .reject(let reply) where reply.isPermanent:
                let reason = BounceReason(reply.lines.joined(separator: " "), status: reply.enhancedCode ?? EnhancedStatusCode(5, 0, 0))
                logger.info("\(envelope.queueID): to=<\(text)>, relay=none, dsn=\(reason.status), status=bounced (\(reason.text))")
                bounced.append((text, reason))
            case .reject(let reply):
                logger.info("\(envelope.queueID): to=<\(text)>, relay=none, dsn=\(reply.enhancedCode?.description ?? "4.0.0"), status=deferred (\(reply.lines.joined(separator: " ")))")
                queued.append(.init(address: text, reason: reply.lines.joined(separator: " ")))
            }
        }
        return (local, queued, bounced)
    }
}
