import MailCore

/// The contents an mbox file gets when `q` ends a session: deleted messages
/// left out, the others with their `Status` field set (see `StatusField`),
/// every other byte as it was.
enum MboxRewrite {
    /// `original` parsed into `entries`, with one disposition per entry.
    static func render(_ original: [UInt8], entries: [MboxReader.Entry], dispositions: [MessageDisposition]) -> [UInt8] {
        var out = Array(original[..<(entries.first?.range.lowerBound ?? original.count)])
        out.reserveCapacity(original.count + entries.count * 12)
        for (entry, disposition) in zip(entries, dispositions) {
            guard case .keep(let read) = disposition else { continue }
            out += StatusField.set(StatusField.value(read: read), in: Array(original[entry.range]))
        }
        return out
    }
}
