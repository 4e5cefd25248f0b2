/// The ESMTP parameters of `RCPT TO` that Carrier understands: NOTIFY and ORCPT (RFC 3461 §4.1-4.2).
public struct RcptParameters: Equatable, Sendable {
    /// RFC 3461 §4.1 NOTIFY conditions.
    public enum Notify: String, Sendable, CaseIterable {
        case never = "NEVER"
        case success = "SUCCESS"
        case failure = "FAILURE"
        case delay = "DELAY"
    }

    /// Empty when the client did not say (the server's default applies).
    public var notify: [Notify] = []
    /// RFC 3461 §4.2 ORCPT as `addr-type;xtext`.
    public var originalRecipient: String?

    public init() {}
}
