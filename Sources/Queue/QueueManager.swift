import CarrierStore
import Foundation
import Ingress
import LocalDelivery
import Logging
import MailCore

/// Postfix's qmgr for what waits in the queue: recipients deferred by a local
/// delivery that failed for now (a locked mbox, a full disk) and recipients
/// that must leave the host. Each due recipient is routed again; local ones
/// are delivered, remote ones are grouped by message and next hop and sent
/// with per-destination concurrency over reused connections; each is retried
/// later with backoff, or returned to its sender once it failed for good or
/// stayed past `maximal_queue_lifetime`. Delivery is idempotent per
/// (queue id, recipient), so a crash between delivering and updating the
/// queue never gives a second local copy.
public final class QueueManager: Sendable {
    let store: any MailStore
    let currentServices: @Sendable () -> IngressServices
    let schedule: RetrySchedule
    /// Logs as `carrier/qmgr`.
    let logger: Logger
    let wake = WakeSignal()
    /// Delivery to other hosts; nil where the process has no SMTP client (tests).
    let outbound: OutboundDelivery?
    /// The most recipients one pass takes.
    static let batchSize = 2000
    /// The most destinations delivered to at once.
    static let destinationLimit = 50

    public init(store: any MailStore, schedule: RetrySchedule, logger: Logger, outbound: OutboundDelivery? = nil,
                services: @escaping @Sendable () -> IngressServices) {
        self.outbound = outbound
        self.store = store
        self.schedule = schedule
        self.logger = logger
        self.currentServices = services
    }

    /// `postqueue -f`: everything deferred becomes due now.
    public func flush() async {
        try? await store.makeQueueDue()
        wake.signal()
    }

    /// Runs until the task is cancelled: a pass over the due recipients, then
    /// the next at once when the pass was full, else after `interval` or a wake.
    public func run(interval: Duration = .seconds(5)) async {
        while !Task.isCancelled {
            if await runOnce() < Self.batchSize {
                await wake.wait(timeout: interval)
            }
        }
    }

    /// Wakes a waiting `run`: new outbound mail, or shutdown.
    public func trigger() {
        wake.signal()
    }

    /// One pass over the recipients due now; returns how many it took.
    @discardableResult
    public func runOnce(now: Int64 = Int64(Date().timeIntervalSince1970)) async -> Int {
        guard let due = try? await store.dueQueueRecipients(now: now, limit: Self.batchSize), !due.isEmpty else { return 0 }
        let services = currentServices()
        var destinations: [DestinationKey: [OutboundJob]] = [:]
        var credentials = CredentialLookup(settings: services.settings)
        for (_, recipients) in Dictionary(grouping: due, by: \.queueID).sorted(by: { $0.key < $1.key }) {
            if Task.isCancelled { return due.count }
            for (hop, job) in await deliverLocallyOrPlan(recipients, services, now: now) {
                let key = await credentials.key(for: hop, sender: job.entry.sender)
                destinations[key, default: []].append(job)
            }
        }
        await deliverRemotely(destinations, credentials, services, now: now)
        return due.count
    }

    /// `given` when a caller already loaded the message, else loaded now.
    func message(_ given: AcceptedMessage?, _ entry: QueuedDelivery, now: Int64) async -> AcceptedMessage? {
        if let given { return given }
        return await message(entry, now: now)
    }

    /// Loads a queued message; nil when its body is gone.
    func message(_ entry: QueuedDelivery, now: Int64) async -> AcceptedMessage? {
        guard let content = try? await store.content(hash: entry.bodyHash) else {
            logger.error("warning: \(entry.queueID): queued message body is missing")
            return nil
        }
        return AcceptedMessage(queueID: entry.queueID, sender: entry.sender, content: content,
                               metadata: (try? await store.metadata(hash: entry.bodyHash)) ?? MessageMetadata(),
                               arrival: entry.arrival, arrivalInstant: .now - .seconds(max(0, now - entry.arrival)),
                               envelopeID: entry.envelopeID, dsnReturn: entry.dsnReturn)
    }
}
