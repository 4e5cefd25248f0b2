import CarrierStore
import Logging

/// The MDA: commits an accepted message into every local recipient's mailbox in
/// one store transaction, then logs each delivery in Postfix's `local` format.
public struct LocalDeliveryAgent: Sendable {
    public let store: any MailStore
    /// Logs as `carrier/local`.
    public let logger: Logger
    /// Logs as `carrier/qmgr` (the `from=... (queue active)` and `removed` lines).
    public let queueLogger: Logger

    public init(store: any MailStore, logger: Logger, queueLogger: Logger) {
        self.store = store
        self.logger = logger
        self.queueLogger = queueLogger
    }

    /// Delivers durably; throws when nothing was committed (the caller answers 4xx).
    public func deliver(_ message: AcceptedMessage, to recipients: [LocalRecipient]) async throws {
        queueLogger.info("\(message.queueID): from=<\(message.sender)>, size=\(message.content.count), nrcpt=\(recipients.count) (queue active)")
        let started = ContinuousClock.now
        let batch = DeliveryBatch(
            queueID: message.queueID, sender: message.sender, content: message.content, metadata: message.metadata,
            arrival: message.arrival,
            localCopies: recipients.map { .init(userID: $0.userID, mailbox: $0.mailbox, recipient: $0.finalAddress) },
            envelopeID: message.envelopeID, dsnReturn: message.dsnReturn)
        let outcomes: [LocalCopyOutcome]
        do {
            outcomes = try await store.deliver(batch)
        } catch {
            logger.error("warning: \(message.queueID): mailbox store failure: \(error)")
            throw error
        }
        let finished = ContinuousClock.now
        let before = started - message.arrivalInstant
        let transmission = finished - started
        let total = finished - message.arrivalInstant
        for (recipient, outcome) in zip(recipients, outcomes) {
            var line = "\(message.queueID): to=<\(recipient.finalAddress)>"
            if recipient.envelopeAddress.lowercased() != recipient.finalAddress.lowercased() {
                line += ", orig_to=<\(recipient.envelopeAddress)>"
            }
            let detail = outcome == .alreadyDelivered ? "delivered to mailbox before; duplicate ignored" : "delivered to mailbox"
            line += ", relay=local, delay=\(Self.seconds(total)), delays=\(Self.seconds(before))/0/0/\(Self.seconds(transmission))"
            line += ", dsn=2.0.0, status=sent (\(detail))"
            logger.info("\(line)")
        }
        queueLogger.info("\(message.queueID): removed")
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
