import Foundation

/// Delivery into mbox files and Maildirs, run on a thread of its own because
/// it blocks (file locks may be held by a mail reader for seconds): directly,
/// or through the privileged helper when the server has dropped its privileges.
enum ExternalMailbox {
    static func deliver(_ message: AcceptedMessage, to recipient: LocalRecipient, via helper: PrivilegedDeliveryClient?) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let thread = Thread {
                continuation.resume(with: Result {
                    if let helper { try helper.deliver(message, to: recipient) } else { try deliverNow(message, to: recipient) }
                })
            }
            thread.start()
        }
    }

    static func deliverNow(_ message: AcceptedMessage, to recipient: LocalRecipient) throws {
        switch recipient.destination {
        case .store:
            return
        case .mbox(let path, let account):
            let agent = MboxDeliveryAgent(spoolDirectory: (path as NSString).deletingLastPathComponent)
            try agent.deliver(message.content, sender: message.sender, recipient: recipient.finalAddress,
                              arrival: message.arrival, to: account)
        case .maildir(let account, let folder):
            _ = try MaildirDeliveryAgent(mailboxPath: folder).deliver(message.content, sender: message.sender,
                                                                     recipient: recipient.finalAddress, to: account)
        }
    }
}
