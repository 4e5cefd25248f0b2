/// Builds a `MIMEPart` tree without recursion: parts are made in document
/// order from a work stack, then nested bottom-up (children always come
/// after their parent in `parts`).
struct MIMETreeBuilder {
    private struct Pending {
        var range: Range<Int>
        var depth: Int
        var parent: Int?
        var defaultType: MIMEContentType
    }

    private let bytes: [UInt8]
    private let maxDepth: Int
    private let maxParts: Int
    private var parts: [MIMEPart] = []
    private var childIndices: [[Int]] = []

    init(bytes: [UInt8], maxDepth: Int, maxParts: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.maxParts = maxParts
    }

    mutating func build() -> MIMEPart {
        var stack = [Pending(range: 0..<bytes.count, depth: 0, parent: nil, defaultType: .textPlain)]
        while parts.count < maxParts, let item = stack.popLast() {
            let index = parts.count
            let part = makePart(item)
            parts.append(part)
            childIndices.append([])
            if let parent = item.parent { childIndices[parent].append(index) }
            let childDefault = part.contentType.subtype == "digest" ? MIMEContentType.messageRFC822 : .textPlain
            for range in childRanges(of: part, capacity: maxParts - parts.count).reversed() {
                stack.append(Pending(range: range, depth: item.depth + 1, parent: index, defaultType: childDefault))
            }
        }
        for index in parts.indices.reversed() {
            parts[index].children = childIndices[index].map { parts[$0] }
        }
        return parts[0]
    }

    private func makePart(_ item: Pending) -> MIMEPart {
        let start = item.range.lowerBound
        var header = MessageHeader.parse(bytes[item.range])
        if header.fields.isEmpty && !header.hasBodySeparator {
            header = MessageHeader(fields: [], headerByteCount: 0, bodyOffset: 0, hasBodySeparator: false,
                                   skippedLineCount: 0, isTruncated: header.isTruncated)
        }
        let bodyRange = (start + header.bodyOffset)..<item.range.upperBound
        return MIMEPart(
            header: header,
            contentType: header["content-type"].flatMap(MIMEContentType.parse) ?? item.defaultType,
            contentTransferEncoding: Self.mechanism(header["content-transfer-encoding"]),
            contentID: header["content-id"],
            contentDescription: header["content-description"].map(EncodedWord.decode),
            contentDisposition: header["content-disposition"].flatMap(MIMEContentDisposition.parse),
            headerRange: start..<(start + header.headerByteCount),
            bodyRange: bodyRange,
            bodyLineCount: lineCount(bodyRange),
            depth: item.depth
        )
    }

    /// The ranges of the part's children, if it may have any.
    private func childRanges(of part: MIMEPart, capacity: Int) -> [Range<Int>] {
        guard part.depth < maxDepth, capacity > 0 else { return [] }
        if part.contentType.isMultipart, let boundary = part.contentType.parameters["boundary"], !boundary.isEmpty {
            let scanner = MIMEBoundaryScanner(bytes: bytes, boundary: Array(boundary.utf8))
            return scanner.bodyParts(in: part.bodyRange, limit: capacity)
        }
        let identity = ["7bit", "8bit", "binary"].contains(part.contentTransferEncoding)
        return part.contentType.isEncapsulatedMessage && identity ? [part.bodyRange] : []
    }

    /// The mechanism token of a Content-Transfer-Encoding (RFC 2045 §6.1).
    private static func mechanism(_ value: String?) -> String {
        guard let value else { return "7bit" }
        var lexer = MIMEHeaderLexer(value)
        return lexer.token()?.lowercased() ?? "7bit"
    }

    private func lineCount(_ range: Range<Int>) -> Int {
        var count = 0
        for index in range where bytes[index] == RFC5322ASCII.lf { count += 1 }
        if let last = range.last, bytes[last] != RFC5322ASCII.lf { count += 1 }
        return count
    }
}
