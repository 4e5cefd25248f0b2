/// Turns the lines of a header section into fields (RFC 5322 §2.2, §3.6.8,
/// §4.5): a line starting with WSP continues the previous field, any other
/// line must be `name *WSP ":" body`.
struct MessageHeaderFieldBuilder {
    private let bytes: [UInt8]
    private let maxFields: Int
    private(set) var fields: [HeaderField] = []
    private(set) var skipped = 0
    private(set) var truncated = false
    /// The field being built: where it starts, where its name ends, where
    /// its body starts, and where its latest line ends (before the break).
    private var open: (start: Int, nameEnd: Int, bodyStart: Int, end: Int, next: Int)?

    init(bytes: [UInt8], maxFields: Int) {
        self.bytes = bytes
        self.maxFields = maxFields
    }

    /// Consumes every line. `cutShort` says the input stops inside the header
    /// section, so its last line may be incomplete: it is dropped, and so is
    /// the field it would have continued.
    mutating func run(cutShort: Bool) {
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != RFC5322ASCII.lf { lineEnd += 1 }
            if cutShort && lineEnd == bytes.count {
                if RFC5322ASCII.isWSP(bytes[lineStart]) { open = nil }
                break
            }
            let next = min(lineEnd + 1, bytes.count)
            var contentEnd = lineEnd
            if contentEnd > lineStart && bytes[contentEnd - 1] == RFC5322ASCII.cr { contentEnd -= 1 }
            consume(lineStart, contentEnd, next)
            lineStart = next
        }
        close()
        if cutShort { truncated = true }
    }

    private mutating func consume(_ start: Int, _ end: Int, _ next: Int) {
        if RFC5322ASCII.isWSP(bytes[start]) {
            if open != nil {
                open?.end = end
                open?.next = next
            } else {
                skipped += 1
            }
            return
        }
        close()
        guard let (nameEnd, bodyStart) = splitName(start, end) else {
            skipped += 1
            return
        }
        open = (start, nameEnd, bodyStart, end, next)
    }

    /// The end of a valid field name and the start of the body after the colon.
    private func splitName(_ start: Int, _ end: Int) -> (Int, Int)? {
        var index = start
        while index < end && RFC5322ASCII.isFtext(bytes[index]) { index += 1 }
        let nameEnd = index
        while index < end && RFC5322ASCII.isWSP(bytes[index]) { index += 1 }
        guard nameEnd > start, index < end, bytes[index] == RFC5322ASCII.colon else { return nil }
        return (nameEnd, index + 1)
    }

    private mutating func close() {
        guard let field = open else { return }
        open = nil
        guard fields.count < maxFields else {
            truncated = true
            return
        }
        let raw = bytes[field.bodyStart..<field.end]
        var unfolded = raw.filter { $0 != RFC5322ASCII.cr && $0 != RFC5322ASCII.lf }[...]
        while let first = unfolded.first, RFC5322ASCII.isWSP(first) { unfolded.removeFirst() }
        while let last = unfolded.last, RFC5322ASCII.isWSP(last) { unfolded.removeLast() }
        fields.append(HeaderField(
            name: String(decoding: bytes[field.start..<field.nameEnd], as: UTF8.self),
            rawValue: String(headerBytes: raw),
            value: String(headerBytes: unfolded),
            byteRange: field.start..<field.next
        ))
    }
}
