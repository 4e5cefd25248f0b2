import MailCore

/// Why a connection or a delivery failed, as the queue needs it: the server's
/// reply when there was one, a log-ready reason, and whether to retry later
/// (RFC 5321 §4.2.1: 4yz is transient) or bounce.
public struct SMTPClientFailure: Equatable, Sendable, CustomStringConvertible {
    /// The server's reply, or a synthetic one for a local condition.
    public var reply: SMTPReply?
    /// `host said: 550 5.1.1 ... (in reply to RCPT TO command)` style text.
    public var reason: String
    public var isTemporary: Bool
    /// The RFC 3463 status of a local condition that no server reply gives (a loop).
    public var status: EnhancedStatusCode?

    public init(reply: SMTPReply?, reason: String, isTemporary: Bool, status: EnhancedStatusCode? = nil) {
        self.reply = reply
        self.reason = reason
        self.isTemporary = isTemporary
        self.status = status
    }

    /// The server answered `command` with the negative `reply`.
    static func rejected(_ reply: SMTPReply, inReplyTo command: String) -> SMTPClientFailure {
        SMTPClientFailure(reply: reply, reason: "host said: \(reply) (in reply to \(command) command)",
                          isTemporary: !reply.isPermanent)
    }

    /// The server is this host (it named itself with our name): sending would
    /// loop, so the mail is returned (Postfix's 5.4.6 "loops back to myself").
    static func loopsBack(_ how: String) -> SMTPClientFailure {
        SMTPClientFailure(reply: nil, reason: "mail loops back to myself (host \(how) with my own hostname)",
                          isTemporary: false, status: EnhancedStatusCode(5, 4, 6))
    }

    /// A local condition that defers the mail.
    static func deferred(_ reason: String) -> SMTPClientFailure {
        SMTPClientFailure(reply: nil, reason: reason, isTemporary: true)
    }

    public var description: String { reason }
}
