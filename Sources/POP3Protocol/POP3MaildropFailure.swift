/// Why the transport could not open a maildrop after a successful login. It
/// holds no lock when it reports one (RFC 1939 §4); the session stays in the
/// AUTHORIZATION state, where the client may log in again or QUIT.
public enum POP3MaildropFailure: Equatable, Sendable {
    /// Another POP3 session holds the mailbox: `-ERR [IN-USE]` (RFC 2449 §8.1.2).
    case locked
    /// A temporary problem (store unreachable): `-ERR [SYS/TEMP]` (RFC 3206 §4).
    case temporary
    /// A permanent problem (the account has no mailbox): `-ERR [SYS/PERM]` (RFC 3206 §4).
    case permanent
}
