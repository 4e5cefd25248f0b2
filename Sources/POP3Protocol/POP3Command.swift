/// A parsed POP3 command (RFC 1939 §4-7, RFC 2449 CAPA, RFC 2595 STLS,
/// RFC 5034 AUTH, RFC 6856 UTF8). Message numbers are as the client sent
/// them; the session checks them against the maildrop.
public enum POP3Command: Equatable, Sendable {
    case user(String)
    /// The rest of the line after `PASS `, spaces included (RFC 1939 §7).
    case pass(String)
    /// APOP is recognised only to be refused: Carrier keeps no plaintext passwords.
    case apop
    /// `AUTH` alone lists the mechanisms; the name is upper-cased; `=` is an
    /// empty initial response (RFC 5034 §4).
    case auth(mechanism: String?, initialResponse: String?)
    case stls
    case capa
    case utf8
    case stat
    case list(Int?)
    case retr(Int)
    case dele(Int)
    case noop
    case rset
    case top(Int, lines: Int)
    case uidl(Int?)
    case quit

    /// The states a command is valid in (RFC 1939 §9, RFC 2449 §5, RFC 2595
    /// §4, RFC 6856); none is valid in UPDATE, which ends the session.
    func isValid(in state: POP3SessionState) -> Bool {
        switch self {
        case .user, .pass, .apop, .auth, .stls, .utf8: state == .authorization
        case .stat, .list, .retr, .dele, .noop, .rset, .top, .uidl: state == .transaction
        case .capa, .quit: state != .update
        }
    }
}
