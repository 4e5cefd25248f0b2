import CarrierConfig
import CarrierStore
import Foundation
import LocalDelivery
import Logging
import MailCore

/// Returns mail that cannot be delivered: builds an RFC 3464 report for the
/// bounced recipients and sends it, from the null sender, to the original
/// sender — into a local mailbox, or into the queue when the sender is remote.
/// A message from the null sender is never bounced (RFC 5321 §4.5.5): when a
/// bounce itself cannot be delivered, one "double bounce" goes to postmaster,
/// and a failing double bounce is only logged, so nothing ever loops.
public struct NonDeliveryNotifier: Sendable {
    let settings: CarrierSettings
    let router: RecipientRouter
    let directory: DirectoryCache
    let localDelivery: LocalDeliveryAgent
    let queueIDs: QueueIDGenerator
    /// Logs as `carrier/bounce`-style lines through the queue manager's logger.
    let logger: Logger

    public init(settings: CarrierSettings, router: RecipientRouter, directory: DirectoryCache, localDelivery: LocalDeliveryAgent,
                queueIDs: QueueIDGenerator, logger: Logger) {
        self.settings = settings
        self.router = router
        self.directory = directory
        self.localDelivery = localDelivery
        self.queueIDs = queueIDs
        self.logger = logger
    }

    /// Sends one report for `bounced` (final address and reason of each).
    public func bounce(_ message: AcceptedMessage, _ bounced: [(address: String, reason: BounceReason)]) async {
        await notify(.failure, message, bounced.map {
            .init(address: $0.address, status: $0.reason.status, diagnostic: $0.reason.diagnostic)
        })
    }

    /// Tells the sender that these recipients are still being retried
    /// (`delay_warning_time`, RFC 3461 NOTIFY=DELAY).
    public func delayWarning(_ message: AcceptedMessage, _ delayed: [(address: String, reason: String)]) async {
        await notify(.delay, message, delayed.map {
            .init(address: $0.address, action: "delayed", status: EnhancedStatusCode(4, 0, 0), diagnostic: "x-unix; \($0.reason)")
        })
    }

    /// Tells the sender that these recipients were delivered (`delivered`) or
    /// handed to a host that does not offer DSN (`relayed`), RFC 3461 NOTIFY=SUCCESS.
    public func successReport(_ message: AcceptedMessage, _ delivered: [(address: String, action: String, reason: String)]) async {
        await notify(.success, message, delivered.map {
            .init(address: $0.address, action: $0.action, status: EnhancedStatusCode(2, 0, 0), diagnostic: "x-unix; \($0.reason)")
        })
    }

    /// Builds the report of `kind` and delivers it from the null sender.
    func notify(_ kind: DeliveryStatusNotification.Kind, _ message: AcceptedMessage,
                _ recipients: [DeliveryStatusNotification.Recipient]) async {
        guard !recipients.isEmpty else { return }
        let doubleBounce = message.sender.isEmpty
        if doubleBounce && kind != .failure { return }
        if doubleBounce && MessageHeader.parse(message.content)[Self.doubleBounceField] != nil {
            logger.warning("warning: \(message.queueID): undeliverable postmaster notification discarded")
            return
        }
        guard let sender = doubleBounce ? EmailAddress(localPart: "postmaster", domain: settings.myhostname)
                                        : try? EnvelopeAddressParser.parse(message.sender) else {
            logger.info("\(message.queueID): no notification: the sender address cannot be parsed")
            return
        }
        let id = queueIDs.next()
        let now = Int64(Date().timeIntervalSince1970)
        var report = DeliveryStatusNotification(
            reportingHost: settings.myhostname, mailName: settings.mailName, queueID: message.queueID,
            originalSender: message.sender, envelopeID: message.envelopeID, arrival: message.arrival, now: now,
            recipients: recipients, original: message.content, returnFullMessage: message.dsnReturn == "FULL")
        report.kind = kind
        var content = report.message(boundary: "\(id)/\(settings.myhostname)")
        if doubleBounce { content = Array("\(Self.doubleBounceField): yes\r\n".utf8) + content }
        let notice = AcceptedMessage(queueID: id, sender: "", content: content, metadata: MessageMetadata(subject: report.subject),
                                     arrival: now, arrivalInstant: .now)
        let what = switch kind {
        case .failure: "non-delivery"
        case .delay: "delay"
        case .success: "success"
        }
        logger.info("\(message.queueID): \(doubleBounce ? "postmaster" : "sender") \(what) notification: \(id)")
        let snapshot = (try? await directory.refreshIfChanged()) ?? directory.snapshot
        var local: [LocalRecipient] = []
        var queued: [DeliveryBatch.QueuedRecipient] = []
        switch router.route(sender, relayPermitted: true, in: snapshot, systemAccounts: SystemAccountDirectory(settings)) {
        case .local(let targets):
            local = targets.map { LocalRecipient(destination: $0.destination, finalAddress: $0.finalAddress, envelopeAddress: sender.description) }
        case .remote, .split:
            queued = [.init(address: sender.description, reason: "waiting for the outbound queue")]
        case .reject(let reply):
            queued = [.init(address: sender.description, reason: reply.lines.joined(separator: " "))]
        }
        do {
            try await localDelivery.deliver(notice, to: local, queued: queued)
        } catch {
            logger.error("warning: \(id): cannot store the \(what) notification: \(error)")
        }
    }

    /// Marks a double bounce, so that its own failure is discarded, not bounced again.
    static let doubleBounceField = "X-Carrier-Double-Bounce"
}
