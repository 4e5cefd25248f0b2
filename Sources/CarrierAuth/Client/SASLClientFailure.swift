/// Why the client side of a SASL exchange gave up (RFC 4422 §3.5: the client
/// then cancels with `*`).
public enum SASLClientFailure: Error, Equatable, Sendable {
    /// Not base64, or not the mechanism's syntax (RFC 5802 §7).
    case malformedChallenge
    /// A challenge after the exchange had nothing more to say.
    case unexpectedChallenge
    /// The server's SCRAM nonce does not extend the client's (RFC 5802 §5.1 "r").
    case nonceMismatch
    /// A SCRAM iteration count of zero or above `SASLClientExchange.maximumIterations`.
    case unacceptableIterationCount
    /// The server could not prove it knows the credentials (RFC 5802 §3).
    case serverSignatureMismatch
    /// The SCRAM server-final `e=` error (RFC 5802 §7).
    case serverError(String)
}
