/// Why a recipient is returned to its sender, as its bounce report and its
/// log line give it: the text, the RFC 3463 status, and the reply of the
/// remote server that refused it, if one did.
public struct BounceReason: Sendable, Equatable {
    public var text: String
    public var status: EnhancedStatusCode
    /// The remote server's reply (`550 5.1.1 <bob@example.test>: ...`).
    public var remoteReply: String?

    public init(_ text: String, status: EnhancedStatusCode, remoteReply: String? = nil) {
        self.text = text
        self.status = status
        self.remoteReply = remoteReply
    }

    /// The report's Diagnostic-Code (RFC 3464 §2.3.6): `smtp; <reply>` when a
    /// remote server refused the recipient, else `x-unix; <text>`.
    public var diagnostic: String {
        remoteReply.map { "smtp; \($0)" } ?? "x-unix; \(text)"
    }

    /// A local delivery agent's refusal (`dsn=5.2.0` in its log line).
    public static func localDelivery(_ text: String) -> BounceReason {
        BounceReason(text, status: EnhancedStatusCode(5, 2, 0))
    }
}
