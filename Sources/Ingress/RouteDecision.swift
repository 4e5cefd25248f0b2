import LocalDelivery
import MailCore
import SMTPProtocol

/// One local mailbox a recipient resolves to.
public struct LocalTarget: Equatable, Sendable, CustomStringConvertible {
    public var destination: LocalDestination
    /// The address logged as `to=<...>`; the envelope recipient is logged as `orig_to=` when it differs.
    public var finalAddress: String

    public init(destination: LocalDestination, finalAddress: String) {
        self.destination = destination
        self.finalAddress = finalAddress
    }

    public var description: String { destination.description }
}

/// What the router decided for one envelope recipient.
public enum RouteDecision: Equatable, Sendable {
    /// Deliver into these local mailboxes.
    case local([LocalTarget])
    /// Accept for the outbound queue: the address leaves the host.
    case remote(EmailAddress)
    /// Refuse the recipient with this reply.
    case reject(SMTPReply)
}
