import CarrierConfig
import CarrierStore
import Foundation
import Ingress
import LocalDelivery
import SMTPProtocol
import MailCore

/// Remote delivery and what follows each outcome: the log line, the queue
/// update, and the sender's notifications (RFC 3461 NOTIFY, `delay_warning_time`).
extension QueueManager {
    /// One delivery per destination, each sending that destination's jobs.
    func remoteDeliveries(_ destinations: [DestinationKey: [OutboundJob]], _ credentials: CredentialLookup,
                          _ services: IngressServices, now: Int64) async -> [@Sendable () async -> Void] {
        guard !destinations.isEmpty else { return [] }
        guard let outbound else {
            for job in destinations.values.joined() {
                for queued in job.recipients {
                    await retry(queued, reason: "outbound delivery is not configured in this process", services, now: now)
                }
            }
            return []
        }
        var credentials = credentials
        let concurrency = OutboundDelivery.Concurrency(initial: services.settings.initialDestinationConcurrency,
                                                       limit: services.settings.defaultDestinationConcurrencyLimit)
        var deliveries: [@Sendable () async -> Void] = []
        // A connection runs on and carries later passes' jobs too: each outcome is
        // timed when it comes, on this pass's clock (`now` may be a test's).
        let offset = now - Self.now()
        let clock: @Sendable () -> Int64 = { Self.now() + offset }
        for (key, jobs) in destinations {
            if let running = activeDestinations.withLockedValue({ $0[key] }), await running.add(jobs) { continue }
            let work = DestinationWork(jobs: jobs, initial: concurrency.initial, limit: concurrency.limit)
            activeDestinations.withLockedValue { $0[key] = work }
            let policy = OutboundDelivery.policy(services.settings, credentials: await credentials.credentials(for: key))
            deliveries.append {
                await outbound.deliver(work, to: key.hop, policy: policy, concurrency: concurrency,
                                       load: { await self.message($0.entry, now: clock()) },
                                       settle: { await self.settle($0, $1, $2, services, now: clock()) })
                self.activeDestinations.withLockedValue { if $0[key] === work { $0[key] = nil } }
            }
        }
        return deliveries
    }

    /// Seconds since 1970, as the queue keeps its times.
    static func now() -> Int64 {
        Int64(Date().timeIntervalSince1970)
    }

    /// Records the outcome of each recipient of `job`.
    func settle(_ job: OutboundJob, _ message: AcceptedMessage?, _ results: [OutboundDelivery.Result],
                _ services: IngressServices, now: Int64) async {
        var bounced: [(QueuedDelivery, BounceReason)] = []
        var relayed: [(address: String, action: String, reason: String)] = []
        let delivered = zip(job.recipients, results).compactMap { queued, result -> String? in
            if case .delivered = result { return queued.recipient }
            return nil
        }
        do {
            try await store.completeQueueRecipients(queueID: job.queueID, recipients: delivered)
        } catch {
            logger.error("warning: \(job.queueID): delivered, but the queue could not be updated (the next attempt sends it again): \(error)")
        }
        for (queued, result) in zip(job.recipients, results) {
            switch result {
            case .delivered(let relay, let reply):
                logger.info("\(queued.queueID): to=<\(queued.recipient)>, relay=\(relay), delay=\(now - queued.arrival), dsn=2.0.0, status=sent (\(reply))")
                if queued.wantsNotice(.success) { relayed.append((queued.recipient, "relayed", "delivered via \(relay): \(reply)")) }
            case .deferred(let reason):
                await retry(queued, reason: reason, services, now: now, message: message)
            case .bounced(let reason):
                bounced.append((queued, reason))
            }
        }
        guard !bounced.isEmpty || !relayed.isEmpty else { return }
        guard let message = await self.message(message, job.entry, now: now) else {
            // No body to return: the bounced recipients still leave the queue (logged), never stay claimed.
            for (queued, reason) in bounced { await fail(queued, reason: reason, services, now: now) }
            return
        }
        await services.notifier.successReport(message, relayed)
        await fail(bounced, message, services)
    }

    /// Defers with backoff (warning the sender once after `delay_warning_time`),
    /// or bounces once the message has been queued too long.
    func retry(_ queued: QueuedDelivery, reason: String, _ services: IngressServices, now: Int64,
               message: AcceptedMessage? = nil) async {
        if schedule.expired(arrival: queued.arrival, now: now) {
            await fail(queued, reason: BounceReason("delivery time expired (last reason: \(reason))", status: EnhancedStatusCode(5, 4, 7)),
                       services, now: now, message: message)
            return
        }
        let next = schedule.nextAttempt(after: queued.attempts, now: now)
        logger.info("\(queued.queueID): to=<\(queued.recipient)>, relay=none, delay=\(now - queued.arrival), dsn=4.0.0, status=deferred (\(reason))")
        do {
            try await store.deferQueueRecipient(queueID: queued.queueID, recipient: queued.recipient, reason: reason, nextAttempt: next)
        } catch {
            logger.error("warning: \(queued.queueID): cannot record the deferral of <\(queued.recipient)> (retried after a restart): \(error)")
        }
        let warning = services.settings.delayWarningTime.components.seconds
        guard warning > 0, !queued.delayWarned, now - queued.arrival >= warning, queued.wantsNotice(.delay) else { return }
        guard let loaded = await self.message(message, queued, now: now) else { return }
        await services.notifier.delayWarning(loaded, [(queued.recipient, reason)])
        try? await store.markDelayWarned(queueID: queued.queueID, recipient: queued.recipient)
    }

    /// Returns one recipient to its sender.
    func fail(_ queued: QueuedDelivery, reason: BounceReason, _ services: IngressServices, now: Int64,
              message: AcceptedMessage? = nil) async {
        guard let loaded = await self.message(message, queued, now: now) else {
            logger.info("\(queued.queueID): to=<\(queued.recipient)>, relay=none, dsn=\(reason.status), status=bounced (\(reason.text))")
            try? await store.completeQueueRecipient(queueID: queued.queueID, recipient: queued.recipient)
            return
        }
        await fail([(queued, reason)], loaded, services)
    }

    /// Returns the message to its sender for these recipients in one report
    /// (leaving out those that asked for `NOTIFY=NEVER`, RFC 3461 §4.1) and
    /// removes them from the queue.
    func fail(_ failed: [(QueuedDelivery, BounceReason)], _ message: AcceptedMessage, _ services: IngressServices) async {
        var reported: [(address: String, reason: BounceReason)] = []
        for (queued, reason) in failed {
            logger.info("\(queued.queueID): to=<\(queued.recipient)>, relay=none, dsn=\(reason.status), status=bounced (\(reason.text))")
            if queued.wantsNotice(.failure) {
                reported.append((queued.recipient, reason))
            } else {
                logger.info("\(queued.queueID): no bounce for <\(queued.recipient)>: NOTIFY=NEVER")
            }
        }
        await services.notifier.bounce(message, reported)
        for (queued, _) in failed {
            do {
                try await store.completeQueueRecipient(queueID: queued.queueID, recipient: queued.recipient)
            } catch {
                logger.error("warning: \(queued.queueID): bounced <\(queued.recipient)>, but the queue could not be updated: \(error)")
            }
        }
    }
}

extension QueuedDelivery {
    /// Whether the sender wants this kind of notice (RFC 3461 §4.1): failures
    /// and delays unless NOTIFY says otherwise, successes only when asked.
    func wantsNotice(_ kind: RcptParameters.Notify) -> Bool {
        guard let notify, !notify.isEmpty else { return kind != .success }
        let asked = notify.uppercased().split(separator: ",").map(String.init)
        return !asked.contains("NEVER") && asked.contains(kind.rawValue)
    }
}
