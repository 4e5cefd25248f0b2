import CarrierConfig
import CarrierStore
import Foundation
import LocalDelivery
import Logging
import MailCore

/// Returns mail that cannot be delivered: builds an RFC 3464 report for the
/// bounced recipients and sends it, from the null sender, to the original
/// sender — into a local mailbox, or into the queue when the sender is remote.
/// A message from the null sender is never bounced (RFC 5321 §4.5.5).
public struct NonDeliveryNotifier: Sendable {
    let settings: CarrierSettings
    let directory: DirectoryCache
    let localDelivery: LocalDeliveryAgent
    let queueIDs: QueueIDGenerator
    /// Logs as `carrier/bounce`-style lines through the queue manager's logger.
    let logger: Logger

    public init(settings: CarrierSettings, directory: DirectoryCache, localDelivery: LocalDeliveryAgent,
                queueIDs: QueueIDGenerator, logger: Logger) {
        self.settings = settings
        self.directory = directory
        self.localDelivery = localDelivery
        self.queueIDs = queueIDs
        self.logger = logger
    }

    /// Sends one report for `bounced` (final address and reason of each).
    public func bounce(_ message: AcceptedMessage, _ bounced: [(address: String, reason: String)]) async {
        guard !bounced.isEmpty else { return }
        guard !message.sender.isEmpty, let sender = try? EnvelopeAddressParser.parse(message.sender) else {
            logger.info("\(message.queueID): no bounce: the sender is the null address")
            return
        }
        let id = queueIDs.next()
        let now = Int64(Date().timeIntervalSince1970)
        let report = DeliveryStatusNotification(
            reportingHost: settings.myhostname, mailName: settings.mailName, queueID: message.queueID,
            originalSender: message.sender, envelopeID: message.envelopeID, arrival: message.arrival, now: now,
            recipients: bounced.map { .init(address: $0.address, status: EnhancedStatusCode(5, 2, 0),
                                            diagnostic: "x-unix; \($0.reason)") },
            original: message.content)
        let content = report.message(boundary: "\(id)/\(settings.myhostname)")
        let notice = AcceptedMessage(queueID: id, sender: "", content: content, metadata: MessageMetadata(subject: "Undelivered Mail Returned to Sender"),
                                     arrival: now, arrivalInstant: .now)
        logger.info("\(message.queueID): sender non-delivery notification: \(id)")
        let snapshot = (try? await directory.refreshIfChanged()) ?? directory.snapshot
        let router = RecipientRouter(settings: settings)
        var local: [LocalRecipient] = []
        var queued: [DeliveryBatch.QueuedRecipient] = []
        switch router.route(sender, relayPermitted: true, in: snapshot, systemAccounts: SystemAccountDirectory(settings)) {
        case .local(let targets):
            local = targets.map { LocalRecipient(destination: $0.destination, finalAddress: $0.finalAddress, envelopeAddress: message.sender) }
        case .remote:
            queued = [.init(address: message.sender, reason: "waiting for the outbound queue")]
        case .reject(let reply):
            queued = [.init(address: message.sender, reason: reply.lines.joined(separator: " "))]
        }
        do {
            try await localDelivery.deliver(notice, to: local, queued: queued)
        } catch {
            logger.error("warning: \(id): cannot store the non-delivery notification: \(error)")
        }
    }
}
