import MailCore

/// A message as `p` and `t` show it, like mailx: `Message N:`, the From_ line,
/// the header and the body, then a blank line. The header leaves out the
/// fields Debian's /etc/mail.rc has bsd-mailx `ignore` (transport trace and
/// bookkeeping: Received, Message-Id, Status, Return-Path...); From, To, Cc,
/// Date, Subject and the MIME fields are all shown.
enum MessageDisplay {
    static let hiddenFields = ["received", "message-id", "resent-message-id", "status", "x-status", "mail-from",
                               "return-path", "via", "delivered-to"]

    static func text(of message: MailboxMessage, number: Int) -> [UInt8] {
        var out = Array("Message \(number):\nFrom \(message.envelope)\n".utf8)
        var start = 0
        for field in message.header.fields where hiddenFields.contains(where: { field.hasName($0) }) {
            out += message.message[start..<field.byteRange.lowerBound]
            start = field.byteRange.upperBound
        }
        out += message.message[start...]
        if out.last != 10 { out.append(10) }
        out.append(10)
        return out
    }
}
