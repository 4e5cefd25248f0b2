/// One message of a maildrop as the transport lists it when it opens the maildrop.
public struct POP3MessageInfo: Hashable, Sendable {
    /// The store's UID of the message; the session hands it back in
    /// `.retrieve` and `.commitDeletions` and never interprets it.
    public var uid: Int64
    /// The octets RETR sends for the message, which LIST and STAT report:
    /// `POP3MessageEncoder.size(of:)` of its stored bytes (RFC 1939 §11: line
    /// ends counted as CRLF, byte-stuffing not counted).
    public var size: Int
    /// The UIDL string: 1 to 70 characters in 0x21-0x7E, the same for the
    /// message in every session (RFC 1939 §7); see `POP3UniqueID.make`.
    public var uniqueID: String

    public init(uid: Int64, size: Int, uniqueID: String) {
        self.uid = uid
        self.size = size
        self.uniqueID = uniqueID
    }
}
