extension EncodedWord {
    /// The longest encoded word allowed (RFC 2047 §2).
    static let maxWordLength = 75

    /// `text` made safe for a header field (RFC 2047 §5): space-separated
    /// words that are printable US-ASCII are kept; each run of other words
    /// (non-ASCII, controls, or text that looks like an encoded word) becomes
    /// UTF-8 encoded words of at most 75 characters, in Q or B encoding,
    /// whichever is shorter, separated by spaces where the field may fold.
    public static func encode(_ text: String) -> String {
        var pieces: [String] = []
        var run: [Substring] = []
        var emptyInRun = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if needsEncoding(word) {
                run.append(contentsOf: Array(repeating: "", count: emptyInRun))
                emptyInRun = 0
                run.append(word)
            } else if word.isEmpty && !run.isEmpty {
                emptyInRun += 1
            } else {
                if !run.isEmpty { pieces.append(encodeRun(run.joined(separator: " "))) }
                run = []
                pieces.append(contentsOf: Array(repeating: "", count: emptyInRun))
                emptyInRun = 0
                pieces.append(String(word))
            }
        }
        if !run.isEmpty { pieces.append(encodeRun(run.joined(separator: " "))) }
        pieces.append(contentsOf: Array(repeating: "", count: emptyInRun))
        return pieces.joined(separator: " ")
    }

    private static func needsEncoding(_ word: Substring) -> Bool {
        word.utf8.contains { $0 < 0x20 || $0 >= 0x7F } || word.contains("=?")
    }

    /// Encoded words for `text`, never splitting a character (§5 rule 3).
    private static func encodeRun(_ text: String) -> String {
        let qLength = text.utf8.reduce(0) { $0 + (isQSafe($1) ? 1 : 3) }
        let bLength = (text.utf8.count + 2) / 3 * 4
        let useQ = qLength <= bLength
        let prefix = useQ ? "=?utf-8?q?" : "=?utf-8?b?"
        let room = maxWordLength - prefix.utf8.count - 2
        var words: [String] = []
        var chunk: [UInt8] = []
        var chunkQLength = 0
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            let qCost = bytes.reduce(0) { $0 + (isQSafe($1) ? 1 : 3) }
            let length = useQ ? chunkQLength + qCost : (chunk.count + bytes.count + 2) / 3 * 4
            if length > room && !chunk.isEmpty {
                words.append(prefix + encodeChunk(chunk, q: useQ) + "?=")
                chunk = []
                chunkQLength = 0
            }
            chunk += bytes
            chunkQLength += qCost
        }
        if !chunk.isEmpty { words.append(prefix + encodeChunk(chunk, q: useQ) + "?=") }
        return words.joined(separator: " ")
    }

    private static func encodeChunk(_ bytes: [UInt8], q: Bool) -> String {
        guard q else { return TransferEncoding.encodeBase64(bytes, lineLength: 0) }
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        for byte in bytes {
            if byte == RFC5322ASCII.space {
                output.append(UInt8(ascii: "_"))
            } else if isQSafe(byte) {
                output.append(byte)
            } else {
                output += [RFC5322ASCII.equals, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Octets a Q word may carry as themselves anywhere, phrases included
    /// (§5 rule 3); a space is carried as `_`, so it counts as one.
    private static func isQSafe(_ byte: UInt8) -> Bool {
        RFC5322ASCII.isAlpha(byte) || RFC5322ASCII.isDigit(byte) || byte == RFC5322ASCII.space
            || "!*+-/".utf8.contains(byte)
    }
}
