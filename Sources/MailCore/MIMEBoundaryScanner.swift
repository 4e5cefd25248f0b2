/// Finds the body parts of a multipart body (RFC 2046 §5.1.1): a delimiter
/// line is `--boundary` at the start of a line, optionally followed by `--`
/// (the close delimiter), then only white space. The line break before a
/// delimiter belongs to the delimiter. The preamble and the epilogue are
/// ignored; a missing close delimiter ends the last part at the body's end.
struct MIMEBoundaryScanner {
    private let bytes: [UInt8]
    private let dashBoundary: [UInt8]

    init(bytes: [UInt8], boundary: [UInt8]) {
        self.bytes = bytes
        dashBoundary = [UInt8(ascii: "-"), UInt8(ascii: "-")] + boundary
    }

    /// The content ranges of at most `limit` body parts within `body`.
    func bodyParts(in body: Range<Int>, limit: Int) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var partStart: Int?
        var lineStart = body.lowerBound
        while lineStart < body.upperBound && parts.count < limit {
            var lineEnd = lineStart
            while lineEnd < body.upperBound && bytes[lineEnd] != RFC5322ASCII.lf { lineEnd += 1 }
            let next = min(lineEnd + 1, body.upperBound)
            if let isClose = delimiter(lineStart..<lineEnd) {
                if let start = partStart { parts.append(start..<max(start, contentEnd(before: lineStart, from: body.lowerBound))) }
                partStart = isClose ? nil : next
                if isClose { return parts }
            }
            lineStart = next
        }
        if let start = partStart, parts.count < limit { parts.append(start..<body.upperBound) }
        return parts
    }

    /// nil if the line is no delimiter, else whether it is the close delimiter.
    private func delimiter(_ line: Range<Int>) -> Bool? {
        guard line.count >= dashBoundary.count,
              bytes[line.lowerBound..<(line.lowerBound + dashBoundary.count)].elementsEqual(dashBoundary) else { return nil }
        var index = line.lowerBound + dashBoundary.count
        let isClose = index + 1 < line.upperBound && bytes[index] == UInt8(ascii: "-") && bytes[index + 1] == UInt8(ascii: "-")
        if isClose { index += 2 }
        while index < line.upperBound && RFC5322ASCII.isWhitespace(bytes[index]) { index += 1 }
        return index == line.upperBound ? isClose : nil
    }

    /// Where the previous part's content ends: before the line break that
    /// precedes the delimiter line starting at `lineStart`.
    private func contentEnd(before lineStart: Int, from lowerBound: Int) -> Int {
        var end = lineStart
        if end > lowerBound && bytes[end - 1] == RFC5322ASCII.lf { end -= 1 }
        if end > lowerBound && bytes[end - 1] == RFC5322ASCII.cr { end -= 1 }
        return end
    }
}
