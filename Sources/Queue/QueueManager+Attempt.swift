import CarrierStore
import Ingress
import LocalDelivery
import MailCore

/// One delivery attempt for one queued recipient.
extension QueueManager {
    func attempt(_ message: AcceptedMessage, _ queued: QueuedDelivery, _ services: IngressServices, now: Int64) async {
        guard let address = try? EnvelopeAddressParser.parse(queued.recipient) else {
            await fail(message, queued, reason: "bad address syntax", services)
            return
        }
        let snapshot = (try? await services.directory.refreshIfChanged()) ?? services.directory.snapshot
        switch services.router.route(address, relayPermitted: true, in: snapshot,
                                     systemAccounts: SystemAccountDirectory(services.settings)) {
        case .local(let targets):
            let recipients = targets.map { LocalRecipient(destination: $0.destination, finalAddress: $0.finalAddress,
                                                          envelopeAddress: queued.recipient) }
            do {
                let report = try await services.localDelivery.deliver(message, to: recipients)
                if let deferred = report.deferred.first {
                    await retry(message, queued, reason: deferred.reason, services, now: now)
                } else {
                    if !report.bounced.isEmpty {
                        await services.notifier.bounce(message, report.bounced.map { ($0.recipient.finalAddress, $0.reason) })
                    }
                    try await store.completeQueueRecipient(queueID: queued.queueID, recipient: queued.recipient)
                }
            } catch {
                await retry(message, queued, reason: "mailbox store failure: \(error)", services, now: now)
            }
        case .remote(let remote):
            guard let outbound else {
                await retry(message, queued, reason: "outbound delivery is not configured in this process", services, now: now)
                return
            }
            switch await outbound.deliver(message, to: remote, settings: services.settings) {
            case .delivered(let relay, let reply):
                logger.info("\(queued.queueID): to=<\(queued.recipient)>, relay=\(relay), delay=\(now - queued.arrival), dsn=2.0.0, status=sent (\(reply))")
                try? await store.completeQueueRecipient(queueID: queued.queueID, recipient: queued.recipient)
            case .deferred(let reason):
                await retry(message, queued, reason: reason, services, now: now)
            case .bounced(let reason):
                await fail(message, queued, reason: reason, services)
            }
        case .reject(let reply) where reply.isPermanent:
            await fail(message, queued, reason: reply.lines.joined(separator: " "), services)
        case .reject(let reply):
            await retry(message, queued, reason: reply.lines.joined(separator: " "), services, now: now)
        }
    }

    /// Defers with backoff, or bounces once the message has been queued too long.
    func retry(_ message: AcceptedMessage, _ queued: QueuedDelivery, reason: String, _ services: IngressServices, now: Int64) async {
        if schedule.expired(arrival: queued.arrival, now: now) {
            await fail(message, queued, reason: "delivery time expired (last reason: \(reason))", services)
            return
        }
        let next = schedule.nextAttempt(after: queued.attempts, now: now)
        logger.info("\(queued.queueID): to=<\(queued.recipient)>, relay=none, delay=\(now - queued.arrival), dsn=4.0.0, status=deferred (\(reason))")
        try? await store.deferQueueRecipient(queueID: queued.queueID, recipient: queued.recipient, reason: reason, nextAttempt: next)
    }

    /// Returns the message to its sender for this recipient (unless the client
    /// asked for `NOTIFY=NEVER`, RFC 3461 §4.1) and removes it from the queue.
    func fail(_ message: AcceptedMessage, _ queued: QueuedDelivery, reason: String, _ services: IngressServices) async {
        logger.info("\(queued.queueID): to=<\(queued.recipient)>, relay=none, dsn=5.0.0, status=bounced (\(reason))")
        if queued.notify?.uppercased().contains("NEVER") == true {
            logger.info("\(queued.queueID): no bounce for <\(queued.recipient)>: NOTIFY=NEVER")
        } else {
            await services.notifier.bounce(message, [(queued.recipient, reason)])
        }
        try? await store.completeQueueRecipient(queueID: queued.queueID, recipient: queued.recipient)
    }
}
