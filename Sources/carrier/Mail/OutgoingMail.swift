import MailCore

/// A message `carrier mail` is about to send: its header addresses, subject,
/// text and attachments, before `MessageComposer` turns it into RFC 5322 bytes.
struct OutgoingMail: Equatable {
    var from: MailboxAddress
    var to: [MailboxAddress]
    var cc: [MailboxAddress] = []
    /// Blind copies: envelope recipients only, never written in the header.
    var bcc: [MailboxAddress] = []
    var subject: String = ""
    /// The text, as typed: LF or CRLF line ends.
    var body: [UInt8] = []
    var attachments: [MailAttachment] = []
    /// The Message-ID of the message answered (`r`), for In-Reply-To.
    var inReplyTo: String?
    /// The message ids of the thread (RFC 5322 §3.6.4), oldest first.
    var references: [String] = []

    /// The envelope sender.
    var sender: String { from.addressString }

    /// Every To, Cc and Bcc address once, in that order: where the message goes.
    var envelopeRecipients: [String] {
        var seen = Set<String>()
        return (to + cc + bcc).map(\.addressString).filter { seen.insert($0.lowercased()).inserted }
    }
}
