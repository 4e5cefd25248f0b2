import MailCore

/// The header fields and structure cached beside a stored message body so that
/// listing, SEARCH and SORT need not parse the message again.
public struct MessageMetadata: Equatable, Sendable {
    public var subject: String?
    public var from: String?
    public var to: String?
    public var cc: String?
    public var messageID: String?
    public var inReplyTo: String?
    public var references: String?
    /// The Date field as seconds since 1970, when it parses.
    public var date: Int64?
    /// MIME structure: `type/subtype` of each part in depth-first order, with depth.
    public var mimeStructure: String

    public init(subject: String? = nil, from: String? = nil, to: String? = nil, cc: String? = nil,
                messageID: String? = nil, inReplyTo: String? = nil, references: String? = nil,
                date: Int64? = nil, mimeStructure: String = "text/plain") {
        self.subject = subject
        self.from = from
        self.to = to
        self.cc = cc
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.date = date
        self.mimeStructure = mimeStructure
    }
}
