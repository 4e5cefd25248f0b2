import MailCore

/// Why a SASL exchange failed, with the reply each protocol sends for it; the
/// SMTP codes are RFC 4954 §4 and §6's.
public enum SASLFailure: Error, Equatable, Sendable {
    /// Bad base64 (RFC 4954 §4), a PLAIN message without its two NULs
    /// (RFC 4616 §2), bad SCRAM syntax (RFC 5802 §7), an empty name or password.
    case malformedResponse
    /// The client cancelled with `*` (RFC 4954 §4, RFC 4422 §3.5).
    case aborted
    /// Wrong password or proof, or no such user: the two are indistinguishable.
    case invalidCredentials
    /// The client asked to act as someone other than itself (RFC 4422 §3.4.1);
    /// Carrier allows no proxy authorization.
    case authorizationNotAllowed
    /// A response longer than `SASLServerExchange.maximumResponseLength`
    /// (RFC 4954 §4: the authentication buffer is exceeded).
    case responseTooLong
    /// SCRAM `p=` gs2 flag: the client requires channel binding, which Carrier
    /// does not offer (RFC 5802 §6).
    case unsupportedChannelBinding

    /// The SMTP reply code.
    public var smtpCode: Int {
        switch self {
        case .malformedResponse, .aborted: 501
        case .invalidCredentials, .authorizationNotAllowed, .unsupportedChannelBinding: 535
        case .responseTooLong: 500
        }
    }

    /// The RFC 3463 enhanced status code for the SMTP reply.
    public var enhancedCode: EnhancedStatusCode {
        switch self {
        case .malformedResponse: EnhancedStatusCode(5, 5, 2)
        case .aborted: EnhancedStatusCode(5, 7, 0)
        case .invalidCredentials, .authorizationNotAllowed, .unsupportedChannelBinding: EnhancedStatusCode(5, 7, 8)
        case .responseTooLong: EnhancedStatusCode(5, 5, 6)
        }
    }

    /// The reply text, free of detail an attacker could use.
    public var text: String {
        switch self {
        case .malformedResponse: "Cannot decode response"
        case .aborted: "Authentication aborted"
        case .invalidCredentials: "Error: authentication failed"
        case .authorizationNotAllowed: "Error: authorization identity not allowed"
        case .responseTooLong: "Authentication exchange line is too long"
        case .unsupportedChannelBinding: "Error: channel binding not supported"
        }
    }
}
