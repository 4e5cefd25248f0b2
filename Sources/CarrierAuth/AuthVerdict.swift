/// `AuthFailureLimiter`'s answer before an authentication attempt is served.
public enum AuthVerdict: Equatable, Sendable {
    /// Serve the attempt, after waiting `delay` (zero before the first delayed failure).
    case allowed(delay: Duration)
    /// Refuse the attempt without checking it; the lockout ends in `remaining`.
    case lockedOut(remaining: Duration)
}
