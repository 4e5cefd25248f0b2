import Foundation

/// One mbox or Maildir delivery as it crosses from the unprivileged server to
/// the privileged delivery helper: a one-line JSON header, then `size` bytes of
/// message. The helper trusts only the account *name* and looks it up itself.
struct ExternalDeliveryRequest: Codable, Equatable {
    enum Kind: String, Codable {
        case mbox
        case maildir
    }

    var kind: Kind
    var accountName: String
    /// mbox: the spool directory; Maildir: the folder under the home (`Maildir/`).
    var location: String
    var sender: String
    var recipient: String
    var arrival: Int64
    var size: Int

    init?(_ message: AcceptedMessage, _ recipient: LocalRecipient) {
        switch recipient.destination {
        case .store:
            return nil
        case .mbox(let path, let account):
            kind = .mbox
            accountName = account.name
            location = (path as NSString).deletingLastPathComponent
        case .maildir(let account, let folder):
            kind = .maildir
            accountName = account.name
            location = folder
        }
        sender = message.sender
        self.recipient = recipient.finalAddress
        arrival = message.arrival
        size = message.content.count
    }
}

/// The helper's answer: empty for success, else the failure kind and reason.
struct ExternalDeliveryResponse: Codable, Equatable {
    var temporary: String?
    var permanent: String?

    var error: MailboxDeliveryError? {
        if let temporary { return .temporary(temporary) }
        if let permanent { return .permanent(permanent) }
        return nil
    }
}
