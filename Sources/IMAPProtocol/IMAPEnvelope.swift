/// The ENVELOPE of a message (RFC 9051 §7.5.2): header fields as written
/// (unfolded, encoded words left for the client) and parsed address lists.
public struct IMAPEnvelope: Sendable, Equatable {
    public var date: String?
    public var subject: String?
    /// An empty list is sent as NIL.
    public var from: [IMAPAddress]
    public var sender: [IMAPAddress]
    public var replyTo: [IMAPAddress]
    public var to: [IMAPAddress]
    public var cc: [IMAPAddress]
    public var bcc: [IMAPAddress]
    public var inReplyTo: String?
    public var messageID: String?

    public init(
        date: String? = nil, subject: String? = nil, from: [IMAPAddress] = [], sender: [IMAPAddress] = [],
        replyTo: [IMAPAddress] = [], to: [IMAPAddress] = [], cc: [IMAPAddress] = [], bcc: [IMAPAddress] = [],
        inReplyTo: String? = nil, messageID: String? = nil
    ) {
        self.date = date
        self.subject = subject
        self.from = from
        self.sender = sender
        self.replyTo = replyTo
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.inReplyTo = inReplyTo
        self.messageID = messageID
    }
}

/// One address of an ENVELOPE (RFC 9051 §7.5.2, §9 address): display name,
/// source route, local part and domain. A group is bracketed by a start
/// (`mailbox` = group name, `host` nil) and an end (all nil).
public struct IMAPAddress: Sendable, Equatable {
    public var name: String?
    public var adl: String?
    public var mailbox: String?
    public var host: String?

    public init(name: String?, adl: String? = nil, mailbox: String?, host: String?) {
        self.name = name
        self.adl = adl
        self.mailbox = mailbox
        self.host = host
    }

    /// The start of group `name` (RFC 5322 §3.4 group syntax).
    public static func groupStart(_ name: String) -> IMAPAddress {
        IMAPAddress(name: nil, mailbox: name, host: nil)
    }

    /// The end of a group.
    public static let groupEnd = IMAPAddress(name: nil, mailbox: nil, host: nil)
}
