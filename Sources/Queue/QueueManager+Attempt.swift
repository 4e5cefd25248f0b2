import CarrierConfig
import CarrierStore
import Ingress
import LocalDelivery
import MailCore

/// Local delivery of due recipients, and the plan for the remote ones.
extension QueueManager {
    /// Delivers the local recipients of one queued message, settles the ones
    /// that cannot be routed, and returns the remote ones grouped by next hop.
    func deliverLocallyOrPlan(_ recipients: [QueuedDelivery], _ services: IngressServices,
                              now: Int64) async -> [(NextHop, OutboundJob)] {
        let snapshot = (try? await services.directory.refreshIfChanged()) ?? services.directory.snapshot
        let accounts = SystemAccountDirectory(services.settings)
        var loaded: AcceptedMessage?
        var remote: [NextHop: OutboundJob] = [:]
        for queued in recipients {
            guard let address = try? EnvelopeAddressParser.parse(queued.recipient) else {
                await fail(queued, reason: BounceReason("bad address syntax", status: EnhancedStatusCode(5, 1, 3)), services, now: now)
                continue
            }
            let decision = services.router.route(address, relayPermitted: true, in: snapshot, systemAccounts: accounts)
            switch decision {
            case .local(let targets):
                if loaded == nil { loaded = await message(queued, now: now) }
                guard let message = loaded else {
                    await retry(queued, reason: "queued message body cannot be read", services, now: now)
                    continue
                }
                await deliverLocally(message, queued, targets, services, now: now)
            case .remote(let remoteAddress):
                let hop = nextHop(for: remoteAddress, services)
                remote[hop, default: OutboundJob(recipients: [], addresses: [])].recipients.append(queued)
                remote[hop]?.addresses.append(remoteAddress)
            case .split(let targets, let addresses):
                if loaded == nil { loaded = await message(queued, now: now) }
                guard let message = loaded else {
                    await retry(queued, reason: "queued message body cannot be read", services, now: now)
                    continue
                }
                let forwarded = addresses.map {
                    DeliveryBatch.QueuedRecipient(address: $0.description, originalRecipient: XText.originalRecipient(queued.recipient),
                                                  notify: queued.notify, reason: "waiting for the outbound queue")
                }
                await deliverLocally(message, queued, targets, services, now: now, forwarding: forwarded)
            case .reject(let reply) where reply.isPermanent:
                await fail(queued, reason: BounceReason(reply.lines.joined(separator: " "), status: reply.enhancedCode ?? EnhancedStatusCode(5, 0, 0)),
                           services, now: now)
            case .reject(let reply):
                await retry(queued, reason: reply.lines.joined(separator: " "), services, now: now)
            }
        }
        return remote.map { ($0.key, $0.value) }
    }

    /// `transport_maps` first (`smtp:[host]:port`), then `relayhost`, then the recipient domain.
    func nextHop(for address: EmailAddress, _ services: IngressServices) -> NextHop {
        if case .smtp(let nexthop)? = services.router.transports.transport(for: address) {
            return NextHop(relayhost: nexthop) ?? .domain(address.normalizedDomain)
        }
        return NextHop(relayhost: services.settings.relayhost) ?? .domain(address.normalizedDomain)
    }

    /// Delivers into local mailboxes; an alias that now also names remote
    /// addresses queues them (`forwarding`) in the same transaction.
    func deliverLocally(_ message: AcceptedMessage, _ queued: QueuedDelivery, _ targets: [LocalTarget],
                        _ services: IngressServices, now: Int64, forwarding: [DeliveryBatch.QueuedRecipient] = []) async {
        let recipients = targets.map { LocalRecipient(destination: $0.destination, finalAddress: $0.finalAddress,
                                                      envelopeAddress: queued.recipient) }
        do {
            let report = try await services.localDelivery.deliver(message, to: recipients, queued: forwarding)
            if !forwarding.isEmpty { trigger() }
            if let deferred = report.deferred.first {
                await retry(queued, reason: deferred.reason, services, now: now, message: message)
                return
            }
            if !report.bounced.isEmpty {
                await services.notifier.bounce(message, report.bounced.map { ($0.recipient.finalAddress, .localDelivery($0.reason)) })
            } else if queued.wantsNotice(.success) {
                await services.notifier.successReport(message, [(queued.recipient, "delivered", "delivered to mailbox")])
            }
            try await store.completeQueueRecipient(queueID: queued.queueID, recipient: queued.recipient)
        } catch {
            await retry(queued, reason: "mailbox store failure: \(error)", services, now: now, message: message)
        }
    }
}
