import MailCore

/// One message of the mailbox `carrier mail` reads, loaded from an mbox file
/// or from the Carrier store, with what earlier sessions recorded about it.
struct MailboxMessage: Equatable {
    /// The message in mbox form, as a mailbox file holds it: the `From ` line,
    /// the message with `>From ` quoting, the blank separator line.
    let entry: [UInt8]
    /// The message: LF line ends, unquoted.
    let message: [UInt8]
    /// The From_ line without `From `: `alice@example.test  Sun Nov 29 09:41:18 2026`.
    let envelope: String
    /// Read in an earlier session: mbox `Status: R`, store `\Seen`.
    let wasRead: Bool
    /// Seen by a reader before (mbox `Status: O`), read or not.
    let isOld: Bool
    let header: MessageHeader

    /// A message of an mbox file: `entry` is its bytes in the file; read and old
    /// come from its `Status` field, as mailx writes it.
    init(mboxEntry entry: [UInt8], parsed: MboxReader.Entry) {
        self.entry = entry
        message = parsed.message
        envelope = parsed.envelope
        header = MessageHeader.parse(parsed.message)
        let status = header["status"] ?? ""
        wasRead = status.contains("R")
        isOld = status.contains("O") || wasRead
    }

    /// A message of the store: `content` as stored (CRLF), `sender` for its
    /// From_ line (the Return-Path), `seen` from its `\Seen` flag.
    init(storeContent content: [UInt8], sender: String, internalDate: Int64, seen: Bool) {
        entry = MboxFormat.entry(content, sender: sender, secondsSince1970: internalDate)
        message = LineEnds.lf(content)
        envelope = String(MboxFormat.fromLine(sender: sender, secondsSince1970: internalDate).dropFirst(5))
        header = MessageHeader.parse(message)
        wasRead = seen
        isOld = seen
    }

    /// The envelope sender: the first word of the From_ line.
    var envelopeSender: String {
        String(envelope.prefix { $0 != " " && $0 != "\t" })
    }

    /// The date of the From_ line (`Sun Nov 29 09:41:18 2026`).
    var envelopeDate: String {
        String(envelope.drop { $0 != " " && $0 != "\t" }.drop { $0 == " " || $0 == "\t" })
    }
}
