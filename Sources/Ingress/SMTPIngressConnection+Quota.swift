import LocalDelivery
import MailCore
import SMTPProtocol

/// `mailbox_size_limit` at RCPT: a recipient whose store mailboxes are
/// full is deferred before the client sends the message.
extension SMTPIngressConnection {
    /// Whether the recipient has a store mailbox and `mailbox_size_limit` is set.
    func hasLimitedStoreMailbox(_ decision: RouteDecision) -> Bool {
        services.localDelivery.mailboxSizeLimit > 0 && decision.localTargets.contains {
            if case .store = $0.destination { return true }
            return false
        }
    }

    /// A store mailbox that cannot take the message (its declared SIZE, or
    /// one octet) defers the recipient: 452 4.2.2 Mailbox full (RFC 5321
    /// §4.2.2, RFC 3463 §3.3); the client tries again later.
    func mailboxFull(_ decision: RouteDecision, _ address: EmailAddress, _ transaction: SMTPTransaction) async -> SMTPReply? {
        for target in decision.localTargets {
            guard case .store(let userID, _, _) = target.destination,
                  await services.localDelivery.isOverQuota(userID: userID, adding: max(1, transaction.parameters.size ?? 1)) else { continue }
            return SMTPReply(452, EnhancedStatusCode(4, 2, 2), "<\(address)>: Recipient address rejected: Mailbox full")
        }
        return nil
    }
}
