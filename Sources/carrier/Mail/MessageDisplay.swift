import MailCore

/// A message as `p` and `t` show it, like mailx: `Message N:`, the From_ line,
/// the header (all of it but the `Status` bookkeeping fields) and the body,
/// then a blank line.
enum MessageDisplay {
    static let hiddenFields = ["status", "x-status"]

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
