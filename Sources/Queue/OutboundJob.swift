import CarrierStore
import Ingress
import MailCore
import SMTPProtocol

/// The remote recipients of one queued message that share a next hop: what
/// one MAIL transaction carries.
struct OutboundJob: Sendable {
    /// The queue rows, all of one queue id, in envelope order.
    var recipients: [QueuedDelivery]
    /// The parsed address of each row.
    var addresses: [EmailAddress]

    var queueID: String { recipients[0].queueID }
    var entry: QueuedDelivery { recipients[0] }

    /// The SMTP transaction for this job, with its DSN parameters (RFC 3461 §4)
    /// passed on as the queue kept them.
    func outboundMessage(body: [UInt8]) -> SMTPOutboundMessage {
        let sender = entry.sender.isEmpty ? nil : try? EnvelopeAddressParser.parse(entry.sender)
        let rcpts = zip(recipients, addresses).map { queued, address in
            var parameters = RcptParameters()
            parameters.notify = (queued.notify ?? "").split(separator: ",").compactMap { RcptParameters.Notify(rawValue: String($0)) }
            parameters.originalRecipient = queued.originalRecipient
            return SMTPTransaction.Recipient(address: address, parameters: parameters)
        }
        return SMTPOutboundMessage(
            sender: sender, recipients: rcpts, body: body, isEightBit: body.contains { $0 >= 0x80 },
            needsSMTPUTF8: addresses.contains(where: \.isInternationalized) || sender?.isInternationalized == true,
            dsnReturn: entry.dsnReturn.flatMap { MailParameters.Return(rawValue: $0) }, envelopeID: entry.envelopeID)
    }
}
