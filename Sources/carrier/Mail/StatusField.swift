import MailCore

/// The `Status:` field mailx keeps in each message of an mbox file: `R` once
/// read, `O` once seen by a reader at all (read or not). Unread new messages
/// have none.
enum StatusField {
    /// The field value for a message kept by `q`: `RO` read, `O` unread but old.
    static func value(read: Bool) -> String {
        read ? "RO" : "O"
    }

    /// `entry` (From_ line, header, body, as in the file) with any Status
    /// fields replaced by one `Status: VALUE` at the end of the header. An entry
    /// whose header is too large to parse whole is returned unchanged.
    static func set(_ value: String, in entry: [UInt8]) -> [UInt8] {
        guard let fromLineEnd = entry.firstIndex(of: 10) else { return entry }
        let rest = Array(entry[(fromLineEnd + 1)...])
        let header = MessageHeader.parse(rest)
        guard !header.isTruncated else { return entry }
        var out = Array(entry[...fromLineEnd])
        var start = 0
        for field in header.fields where field.hasName("status") {
            out += rest[start..<field.byteRange.lowerBound]
            start = field.byteRange.upperBound
        }
        let headerEnd = max(start, header.headerByteCount)
        out += rest[start..<headerEnd]
        if headerEnd > 0 && rest[headerEnd - 1] != 10 { out.append(10) }
        out += Array("Status: \(value)\n".utf8)
        out += rest[headerEnd...]
        return out
    }
}
