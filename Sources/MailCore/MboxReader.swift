/// Splits a Unix mailbox file (RFC 4155, as `MboxFormat` writes it) into its
/// messages. A message starts at a line beginning `From ` that is the first
/// line of the file or follows an empty line; `>From ` quoting is undone
/// ("mboxo": one level), and the blank separator line is not part of the message.
public enum MboxReader {
    /// One message of a mailbox file.
    public struct Entry: Equatable, Sendable {
        /// The From_ line without `From ` (`alice@example.test  Sun Nov 29 09:41:18 2026`).
        public var envelope: String
        /// The message, LF line ends, unquoted.
        public var message: [UInt8]
        /// Byte range of the whole entry (From_ line through separator) in the file.
        public var range: Range<Int>
    }

    public static func read(_ bytes: [UInt8]) -> [Entry] {
        var entries: [Entry] = []
        var lineStart = 0
        var previousLineEmpty = true
        var current: (envelope: String, start: Int, bodyStart: Int)?
        var lines: [Range<Int>] = []
        while lineStart < bytes.count {
            let end = bytes[lineStart...].firstIndex(of: 10).map { $0 + 1 } ?? bytes.count
            let line = lineStart..<end
            let isFromLine = previousLineEmpty && bytes[line].starts(with: MboxFormat.fromPrefix)
            if isFromLine {
                if let c = current { entries.append(finish(c, lines, bytes, end: lineStart)) }
                let text = bytes[(lineStart + 5)..<end].prefix { $0 != 10 && $0 != 13 }
                current = (String(decoding: text, as: UTF8.self), lineStart, end)
                lines = []
            } else if current != nil {
                lines.append(line)
            }
            previousLineEmpty = end - lineStart == 1 || (end - lineStart == 2 && bytes[lineStart] == 13)
            lineStart = end
        }
        if let c = current { entries.append(finish(c, lines, bytes, end: bytes.count)) }
        return entries
    }

    static func finish(_ c: (envelope: String, start: Int, bodyStart: Int), _ lines: [Range<Int>], _ bytes: [UInt8], end: Int) -> Entry {
        var body = lines
        if let last = body.last, bytes[last].allSatisfy({ $0 == 10 || $0 == 13 }) { body.removeLast() }
        var message: [UInt8] = []
        for line in body {
            var slice = bytes[line]
            if slice.starts(with: quotedFrom) { slice = slice.dropFirst() }
            message.append(contentsOf: slice)
        }
        return Entry(envelope: c.envelope, message: message, range: c.start..<end)
    }

    static let quotedFrom = Array(">From ".utf8)
}
