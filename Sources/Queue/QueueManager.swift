import CarrierStore
import Foundation
import Ingress
import LocalDelivery
import Logging
import MailCore
import NIOConcurrencyHelpers

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
    /// The destinations being delivered to now: a later pass adds its jobs to
    /// these, so one destination never gets more than its concurrency limit.
    let activeDestinations = NIOLockedValueBox<[DestinationKey: DestinationWork]>([:])
    /// The most destinations delivered to at once by `run`.
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

    /// Runs until the task is cancelled. Each pass claims the due recipients,
    /// delivers the local ones and starts the remote destinations, which run
    /// on (at most `destinationLimit` at once) while later passes go on; the
    /// next pass comes at once when this one was full, else after `interval`
    /// or a wake. Claims left by a crash are released first.
    public func run(interval: Duration = .seconds(5)) async {
        try? await store.releaseClaimedQueueRecipients()
        let active = NIOLockedValueBox(0)
        let slotFreed = WakeSignal()
        // Discarding: a finished delivery leaves nothing behind for the life of the process.
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled {
                let (taken, deliveries) = await pass(now: Int64(Date().timeIntervalSince1970))
                for delivery in deliveries {
                    while active.withLockedValue({ $0 }) >= Self.destinationLimit, !Task.isCancelled {
                        await slotFreed.wait(timeout: .seconds(1))
                    }
                    active.withLockedValue { $0 += 1 }
                    group.addTask {
                        await delivery()
                        active.withLockedValue { $0 -= 1 }
                        slotFreed.signal()
                    }
                }
                if taken < Self.batchSize {
                    await wake.wait(timeout: interval)
                }
            }
            group.cancelAll()
        }
    }

    /// Wakes a waiting `run`: new outbound mail, or shutdown.
    public func trigger() {
        wake.signal()
    }

    /// One pass over the recipients due now, waiting for every delivery it
    /// starts; returns how many recipients it took.
    @discardableResult
    public func runOnce(now: Int64 = Int64(Date().timeIntervalSince1970)) async -> Int {
        let (taken, deliveries) = await pass(now: now)
        await withTaskGroup(of: Void.self) { group in
            for delivery in deliveries { group.addTask { await delivery() } }
        }
        return taken
    }

    /// Claims the due recipients, delivers the local ones, and returns the
    /// remote destinations' deliveries to run.
    func pass(now: Int64) async -> (taken: Int, deliveries: [@Sendable () async -> Void]) {
        guard let due = try? await store.claimDueQueueRecipients(now: now, limit: Self.batchSize), !due.isEmpty else { return (0, []) }
        let services = currentServices()
        var destinations: [DestinationKey: [OutboundJob]] = [:]
        var credentials = CredentialLookup(settings: services.settings)
        for (_, recipients) in Dictionary(grouping: due, by: \.queueID).sorted(by: { $0.key < $1.key }) {
            for (hop, job) in await deliverLocallyOrPlan(recipients, services, now: now) {
                let key = await credentials.key(for: hop, sender: job.entry.sender)
                destinations[key, default: []].append(job)
            }
        }
        return (due.count, await remoteDeliveries(destinations, credentials, services, now: now))
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
