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
    /// An alias that expands to local mailboxes and remote addresses: the
    /// remote ones are queued with the original recipient as ORCPT.
    case split(local: [LocalTarget], remote: [EmailAddress])
    /// Refuse the recipient with this reply.
    case reject(SMTPReply)

    /// The local mailboxes of an accepted recipient.
    public var localTargets: [LocalTarget] {
        switch self {
        case .local(let targets), .split(let targets, _): targets
        case .remote, .reject: []
        }
    }

    /// The addresses that leave the host for an accepted recipient.
    public var remoteAddresses: [EmailAddress] {
        switch self {
        case .remote(let address): [address]
        case .split(_, let remote): remote
        case .local, .reject: []
        }
    }
}
