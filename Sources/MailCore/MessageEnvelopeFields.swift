/// The header fields that summarize a message (RFC 5322 §3.6): Date,
/// Subject, the originator and destination fields, In-Reply-To and
/// Message-ID, each the unfolded value of its first occurrence as written
/// (encoded words left as they are), nil when absent. IMAP's ENVELOPE is
/// made of them (RFC 9051 §7.5.2).
public struct MessageEnvelopeFields: Sendable, Equatable {
    public var date: String?
    public var subject: String?
    public var from: String?
    public var sender: String?
    public var replyTo: String?
    public var to: String?
    public var cc: String?
    public var bcc: String?
    public var inReplyTo: String?
    public var messageID: String?

    public init(
        date: String? = nil, subject: String? = nil, from: String? = nil, sender: String? = nil, replyTo: String? = nil,
        to: String? = nil, cc: String? = nil, bcc: String? = nil, inReplyTo: String? = nil, messageID: String? = nil
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

    /// The fields of a parsed header.
    public init(_ header: MessageHeader) {
        self.init(
            date: header["date"], subject: header["subject"], from: header["from"], sender: header["sender"],
            replyTo: header["reply-to"], to: header["to"], cc: header["cc"], bcc: header["bcc"],
            inReplyTo: header["in-reply-to"], messageID: header["message-id"]
        )
    }

    /// The fields in a fixed order (the order of the stored form).
    var all: [String?] {
        [date, subject, from, sender, replyTo, to, cc, bcc, inReplyTo, messageID]
    }

    /// The fields from `all`'s order; nil unless there are exactly ten.
    init?(all values: [String?]) {
        guard values.count == 10 else { return nil }
        self.init(
            date: values[0], subject: values[1], from: values[2], sender: values[3], replyTo: values[4],
            to: values[5], cc: values[6], bcc: values[7], inReplyTo: values[8], messageID: values[9]
        )
    }
}
