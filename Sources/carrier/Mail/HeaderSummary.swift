import CarrierServer
import MailCore

/// What mailx prints about a mailbox, in the layout of Debian's bsd-mailx: the
/// greeting, the `"FILE": 3 messages 1 new 2 unread` line, and one line per
/// message — `>N  1 alice@example.tes  Sun Nov 29 09:41   12/345   Subject`
/// (current-message mark, status, number, sender in 17 columns, From_ line date,
/// lines/bytes of the mbox entry, subject), cut to the terminal width.
enum HeaderSummary {
    /// The first line of a session.
    static var greeting: String {
        "Mail version \(CarrierVersion.current) (Carrier).  Type ? for help.\n"
    }

    /// `"LABEL": N messages X new Y unread`, counting the messages not deleted.
    /// As in bsd-mailx, the unread count includes the new messages and is shown
    /// only when some unread message is not new.
    static func mailboxLine(label: String, messages: [MailboxMessage], states: [MessageState]) -> String {
        let unread = zip(messages, states).filter { !$0.1.deleted && !$0.1.isRead($0.0) }
        let count = states.filter { !$0.deleted }.count
        let new = unread.filter { !$0.0.isOld }.count
        var line = "\"\(label)\": \(count) message\(count == 1 ? "" : "s")"
        if new > 0 { line += " \(new) new" }
        if unread.count > new { line += " \(unread.count) unread" }
        return line + "\n"
    }

    /// The summary line of message `number`, at most `width` characters, LF-terminated.
    static func line(number: Int, message: MailboxMessage, state: MessageState, isCurrent: Bool, width: Int) -> String {
        let counts = padLeft(String(lineCount(message.entry)), 4) + "/" + padRight(String(message.entry.count), 5)
        var line = (isCurrent ? ">" : " ") + String(state.letter(for: message)) + padLeft(String(number), 3) + " "
        line += padRight(String(sender(of: message).prefix(17)), 17) + "  "
        line += padLeft(String(message.envelopeDate.prefix(16)), 16) + " " + counts + " " + subject(of: message)
        while line.last == " " { line.removeLast() }
        return String(line.prefix(max(width, 20))) + "\n"
    }

    /// The sender as mailx shows it: the From field's address, else the envelope sender.
    static func sender(of message: MailboxMessage) -> String {
        let from = message.header["from"].flatMap { AddressList.parse($0).first?.addressString }
        return printable(from ?? message.envelopeSender)
    }

    /// The decoded Subject, control characters shown as `?`.
    static func subject(of message: MailboxMessage) -> String {
        printable(message.header.fields(named: "subject").first?.decodedValue ?? "")
    }

    /// `text` safe for a terminal: control characters (escape sequences) become `?`.
    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "?" : $0
        }))
    }

    private static func lineCount(_ bytes: [UInt8]) -> Int {
        bytes.reduce(0) { $1 == 10 ? $0 + 1 : $0 }
    }

    private static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private static func padRight(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
