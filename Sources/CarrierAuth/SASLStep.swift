/// What a `SASLServerExchange` wants its transport to do next (RFC 4422 §3.4,
/// §5: a challenge to send, a result to report).
public enum SASLStep: Equatable, Sendable {
    /// Send this base64 text as a challenge: `334 text` in SMTP (RFC 4954 §4),
    /// `+ text` in IMAP and POP3. An empty string is the empty challenge `334 `.
    case challenge(String)
    /// Fetch this user's stored `PasswordHash` and pass it (or nil when there is
    /// no such user) to `SASLServerExchange.credentials(_:)`.
    case lookup(authenticationID: String)
    /// The client proved it is `authenticationID`; `authorizationID` is the
    /// identity it asked to act as when it named one (always equal to it).
    case success(authenticationID: String, authorizationID: String?)
    /// The exchange is over and failed; answer with the failure's reply.
    case failure(SASLFailure)
}
