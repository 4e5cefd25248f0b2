import CarrierStore
import Foundation
import Logging

/// The MDA: puts an accepted message into every local recipient's mailbox —
/// mbox and Maildir files first (each fsynced), then, in one store transaction,
/// the store copies, the record of those file deliveries, and queue entries for
/// whoever has to wait — and logs each recipient in Postfix's `local` format.
public struct LocalDeliveryAgent: Sendable {
    /// What happened to the recipients that were not delivered.
    public struct Report: Sendable {
        /// Could not be delivered now; in the queue with the reason.
        public var deferred: [(recipient: LocalRecipient, reason: String)] = []
        /// Will never be delivered; the caller returns a bounce.
        public var bounced: [(recipient: LocalRecipient, reason: String)] = []
    }

    public let store: any MailStore
    /// Logs as `carrier/local`.
    public let logger: Logger
    /// Logs as `carrier/qmgr` (the `from=... (queue active)` and `removed` lines).
    public let queueLogger: Logger
    /// Set when the server runs as `mail_owner`: mbox and Maildir writes go through it.
    public let privilegedHelper: PrivilegedDeliveryClient?
    /// `mailbox_size_limit`: the octets a user's store mailboxes may hold
    /// together; 0 is no limit. A copy that would go over it is deferred:
    /// the store queues it in the delivery's transaction, so a retry of a
    /// copy already stored is still recognised as a duplicate first.
    public var mailboxSizeLimit = 0
    /// The deferral reason of a full mailbox (logged with dsn=4.2.2, RFC 3463 §3.3).
    public static let mailboxFullReason = "cannot update mailbox: Mailbox full (mailbox_size_limit)"

    public init(store: any MailStore, logger: Logger, queueLogger: Logger, privilegedHelper: PrivilegedDeliveryClient? = nil) {
        self.store = store
        self.logger = logger
        self.queueLogger = queueLogger
        self.privilegedHelper = privilegedHelper
    }

    /// Delivers durably; `queued` are recipients (remote ones) that go straight to
    /// the queue in the same transaction. Throws when nothing was committed.
    @discardableResult
    public func deliver(_ message: AcceptedMessage, to recipients: [LocalRecipient],
                        queued: [DeliveryBatch.QueuedRecipient] = []) async throws -> Report {
        queueLogger.info("\(message.queueID): from=<\(message.sender)>, size=\(message.content.count), nrcpt=\(recipients.count + queued.count) (queue active)")
        let started = ContinuousClock.now
        var report = Report()
        var external: [(recipient: LocalRecipient, key: String)] = []
        for recipient in recipients where !recipient.destination.isStore {
            external.append((recipient, Self.deliveryKey(message.queueID, recipient)))
        }
        let done = try await store.recordedExternalDeliveries(external.map(\.key))
        var delivered: [String] = []
        for (recipient, key) in external where !done.contains(key) {
            do {
                try await ExternalMailbox.deliver(message, to: recipient, via: privilegedHelper)
                delivered.append(key)
            } catch let failure as MailboxDeliveryError {
                switch failure {
                case .temporary(let why): report.deferred.append((recipient, why))
                case .permanent(let why): report.bounced.append((recipient, why))
                }
            }
        }
        let stored = recipients.filter(\.destination.isStore)
        var batch = DeliveryBatch(
            queueID: message.queueID, sender: message.sender, content: message.content, metadata: message.metadata,
            arrival: message.arrival,
            localCopies: stored.compactMap { r in r.destination.storeCopy.map { .init(userID: $0.userID, mailbox: $0.folder, recipient: r.finalAddress) } },
            queued: queued + report.deferred.map { .init(address: $0.recipient.finalAddress, reason: $0.reason) },
            envelopeID: message.envelopeID, dsnReturn: message.dsnReturn)
        batch.externalDeliveryKeys = delivered
        batch.mailboxSizeLimit = mailboxSizeLimit
        batch.mailboxFullReason = Self.mailboxFullReason
        let outcomes: [LocalCopyOutcome]
        do {
            outcomes = try await store.deliver(batch)
        } catch {
            logger.error("warning: \(message.queueID): mailbox store failure: \(error)")
            throw error
        }
        let timing = Timing(arrival: message.arrivalInstant, started: started, finished: .now)
        for (recipient, outcome) in zip(stored, outcomes) {
            if outcome == .mailboxFull {
                report.deferred.append((recipient, Self.mailboxFullReason))
                log(message.queueID, recipient, timing, dsn: "4.2.2", status: "deferred", detail: Self.mailboxFullReason)
                continue
            }
            log(message.queueID, recipient, timing, dsn: "2.0.0", status: "sent",
                detail: outcome == .alreadyDelivered ? "delivered to mailbox before; duplicate ignored" : recipient.destination.logDetail)
        }
        for (recipient, key) in external where done.contains(key) || delivered.contains(key) {
            log(message.queueID, recipient, timing, dsn: "2.0.0", status: "sent", detail: recipient.destination.logDetail)
        }
        for (recipient, reason) in report.deferred where reason != Self.mailboxFullReason {
            log(message.queueID, recipient, timing, dsn: "4.2.0", status: "deferred", detail: reason)
        }
        for (recipient, reason) in report.bounced {
            log(message.queueID, recipient, timing, dsn: "5.2.0", status: "bounced", detail: reason)
        }
        if queued.isEmpty && report.deferred.isEmpty { queueLogger.info("\(message.queueID): removed") }
        return report
    }

    /// Whether `size` more octets would take the user's store mailboxes over
    /// `mailboxSizeLimit` (for checks before delivery: SMTP RCPT, IMAP APPEND).
    public func isOverQuota(userID: Int64, adding size: Int) async -> Bool {
        guard mailboxSizeLimit > 0, let usage = try? await store.storageUsage(userID: userID) else { return false }
        return usage.bytes + Int64(size) > Int64(mailboxSizeLimit)
    }

    /// The idempotency key of one delivery: queue id, final address, destination.
    static func deliveryKey(_ queueID: String, _ recipient: LocalRecipient) -> String {
        "\(queueID)\u{1}\(recipient.finalAddress.lowercased())\u{1}\(recipient.destination)"
    }

    struct Timing {
        var arrival: ContinuousClock.Instant
        var started: ContinuousClock.Instant
        var finished: ContinuousClock.Instant
    }

    func log(_ queueID: String, _ recipient: LocalRecipient, _ t: Timing, dsn: String, status: String, detail: String) {
        var line = "\(queueID): to=<\(recipient.finalAddress)>"
        if recipient.envelopeAddress.lowercased() != recipient.finalAddress.lowercased() {
            line += ", orig_to=<\(recipient.envelopeAddress)>"
        }
        line += ", relay=local, delay=\(Self.seconds(t.finished - t.arrival)), delays=\(Self.seconds(t.started - t.arrival))/0/0/\(Self.seconds(t.finished - t.started))"
        line += ", dsn=\(dsn), status=\(status) (\(detail))"
        if status == "sent" { logger.info("\(line)") } else { logger.warning("\(line)") }
    }

    /// Postfix's delay format: two significant decimals under 10 s, whole seconds above.
    static func seconds(_ d: Duration) -> String {
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        if s >= 10 { return String(Int(s.rounded())) }
        if s < 0.005 { return "0" }
        let hundredths = Int((s * 100).rounded())
        let text = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
        return text.hasSuffix("0") ? String(text.dropLast()) : text
    }
}
