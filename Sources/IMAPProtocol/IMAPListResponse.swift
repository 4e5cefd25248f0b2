/// One LIST or LSUB answer (RFC 9051 §7.3.1, RFC 5258 §3.4).
public struct IMAPListResponse: Sendable, Equatable {
    public var attributes: [IMAPMailboxAttribute]
    /// The hierarchy delimiter; nil for a flat namespace (sent as NIL).
    public var delimiter: Character?
    /// The mailbox in Unicode; the encoder applies modified UTF-7 when needed.
    public var mailbox: String
    /// `CHILDINFO ("SUBSCRIBED")` for RECURSIVEMATCH (RFC 5258 §3.5).
    public var childInfo: [String]
    /// `OLDNAME (name)` after a RENAME or a canonicalised name (RFC 9051 §7.3.1).
    public var oldName: String?

    public init(attributes: [IMAPMailboxAttribute], delimiter: Character? = "/", mailbox: String,
                childInfo: [String] = [], oldName: String? = nil) {
        self.attributes = attributes
        self.delimiter = delimiter
        self.mailbox = mailbox
        self.childInfo = childInfo
        self.oldName = oldName
    }
}
