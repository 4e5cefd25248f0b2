/// The extended response codes Carrier puts in brackets after `+OK` or `-ERR`
/// (RFC 2449 §8, RFC 3206, RFC 6856), so a client can tell why a command failed.
public enum POP3ResponseCode: String, Equatable, Sendable {
    /// The credentials were wrong, or the mechanism is refused (RFC 3206 §5).
    case auth = "AUTH"
    /// The maildrop is locked by another session (RFC 2449 §8.1.2).
    case inUse = "IN-USE"
    /// A temporary server problem: try again later (RFC 3206 §4).
    case systemTemporary = "SYS/TEMP"
    /// A permanent server problem: trying again will not help (RFC 3206 §4).
    case systemPermanent = "SYS/PERM"
    /// The failure is about UTF-8 support (RFC 6856).
    case utf8 = "UTF8"
}
