import SMTPProtocol

/// One local account a recipient resolves to.
public struct LocalTarget: Equatable, Sendable {
    public var userID: Int64
    /// The account key (`alice`, `bob@hosted.test`).
    public var account: String
    /// The address logged as `to=<...>`; the envelope recipient is logged as `orig_to=` when it differs.
    public var finalAddress: String

    public init(userID: Int64, account: String, finalAddress: String) {
        self.userID = userID
        self.account = account
        self.finalAddress = finalAddress
    }
}

/// What the router decided for one envelope recipient.
public enum RouteDecision: Equatable, Sendable {
    /// Deliver into these local mailboxes.
    case local([LocalTarget])
    /// Refuse the recipient with this reply.
    case reject(SMTPReply)
}
