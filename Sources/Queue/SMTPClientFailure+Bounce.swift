import MailCore
import SMTPProtocol

extension SMTPClientFailure {
    /// A permanent failure as its bounce gives it: the server's reply and its
    /// enhanced status (5.0.0 when it had none), or our own status for a local
    /// condition.
    var bounceReason: BounceReason {
        BounceReason(reason, status: status ?? reply?.enhancedCode ?? EnhancedStatusCode(5, 0, 0), remoteReply: reply?.description)
    }
}
