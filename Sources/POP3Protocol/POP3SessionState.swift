/// The states of a POP3 session (RFC 1939 §3).
public enum POP3SessionState: Equatable, Sendable {
    /// The client has not yet identified itself.
    case authorization
    /// The maildrop is locked and open; messages may be read and marked deleted.
    case transaction
    /// After QUIT in TRANSACTION: the deletions are being committed.
    case update

    /// The name RFC 1939 gives the state, for responses.
    public var name: String {
        switch self {
        case .authorization: "AUTHORIZATION"
        case .transaction: "TRANSACTION"
        case .update: "UPDATE"
        }
    }
}
