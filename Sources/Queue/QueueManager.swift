import CarrierStore
import Foundation
import Ingress
import LocalDelivery
import Logging
import MailCore

/// Postfix's qmgr for what waits in the queue: recipients deferred by a local
/// delivery that failed for now (a locked mbox, a full disk) and recipients
/// that must leave the host. Each due recipient is routed again and delivered,
/// retried later with backoff, or returned to its sender once it failed for
/// good or stayed past `maximal_queue_lifetime`. Delivery is idempotent per
/// (queue id, recipient), so a crash between delivering and updating the queue
/// never gives a second copy.
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
    static let batchSize = 200

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

    /// Runs until the task is cancelled, passing over the due recipients every `interval`.
    public func run(interval: Duration = .seconds(5)) async {
        while !Task.isCancelled {
            await runOnce()
            await wake.wait(timeout: interval)
        }
    }

    /// Wakes a waiting `run`: new outbound mail, or shutdown.
    public func trigger() {
        wake.signal()
    }

    /// One pass over the recipients due now.
    public func runOnce(now: Int64 = Int64(Date().timeIntervalSince1970)) async {
        guard let due = try? await store.dueQueueRecipients(now: now, limit: Self.batchSize), !due.isEmpty else { return }
        let services = currentServices()
        for (queueID, recipients) in Dictionary(grouping: due, by: \.queueID).sorted(by: { $0.key < $1.key }) {
            if Task.isCancelled { return }
            guard let first = recipients.first,
                  let content = try? await store.content(hash: first.bodyHash) else {
                logger.error("warning: \(queueID): queued message body is missing")
                continue
            }
            let message = AcceptedMessage(queueID: queueID, sender: first.sender, content: content,
                                          metadata: (try? await store.metadata(hash: first.bodyHash)) ?? MessageMetadata(),
                                          arrival: first.arrival, arrivalInstant: .now - .seconds(max(0, now - first.arrival)),
                                          envelopeID: first.envelopeID, dsnReturn: first.dsnReturn)
            for recipient in recipients {
                await attempt(message, recipient, services, now: now)
            }
        }
    }
}
