/// RFC 2047 encoded words (`=?charset?B|Q?text?=`), the way non-ASCII text
/// is carried in header fields (§2, §4).
///
/// Decoding is lenient: words are recognized wherever they occur (also next
/// to parentheses or inside quotes, which §5 forbids but mailers produce),
/// white space between adjacent words is dropped (§6.2), and adjacent words
/// in one charset are joined before decoding so a character split across
/// them survives. A malformed word, or one in a charset `MIMECharset` cannot
/// decode, is left as written. An RFC 2231 §5 language suffix is ignored.
public enum EncodedWord {
    /// `text` with every decodable encoded word replaced by its text.
    public static func decode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output = ""
        var run: (charset: MIMECharset, bytes: [UInt8])?
        var literalStart = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == RFC5322ASCII.equals, let word = parse(bytes, at: index) else {
                index += 1
                continue
            }
            let between = bytes[literalStart..<index]
            let onlyWhitespace = between.allSatisfy(RFC5322ASCII.isWhitespace)
            if let pending = run, onlyWhitespace, pending.charset == word.charset {
                run?.bytes.append(contentsOf: word.bytes)
            } else {
                if let pending = run { output += pending.charset.decode(pending.bytes) ?? "" }
                if run == nil || !onlyWhitespace { output += String(decoding: between, as: UTF8.self) }
                run = (word.charset, word.bytes)
            }
            index = word.end
            literalStart = index
        }
        if let pending = run { output += pending.charset.decode(pending.bytes) ?? "" }
        output += String(decoding: bytes[literalStart...], as: UTF8.self)
        return output
    }

    /// The word starting at `start`: its charset, octets and end; nil if
    /// there is no well-formed, decodable word there.
    private static func parse(_ bytes: [UInt8], at start: Int) -> (charset: MIMECharset, bytes: [UInt8], end: Int)? {
        guard start + 1 < bytes.count, bytes[start + 1] == RFC5322ASCII.question else { return nil }
        var index = start + 2
        while index < bytes.count && isCharsetOctet(bytes[index]) { index += 1 }
        guard index + 2 < bytes.count, index > start + 2, bytes[index] == RFC5322ASCII.question,
              bytes[index + 2] == RFC5322ASCII.question else { return nil }
        let name = bytes[(start + 2)..<index].split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false)[0]
        let encoding = bytes[index + 1] | 0x20
        index += 3
        let textStart = index
        while index < bytes.count && bytes[index] != RFC5322ASCII.question && bytes[index] > 32 && bytes[index] < 127 {
            index += 1
        }
        guard index + 1 < bytes.count, bytes[index] == RFC5322ASCII.question,
              bytes[index + 1] == RFC5322ASCII.equals,
              let charset = MIMECharset(name: String(decoding: name, as: UTF8.self)) else { return nil }
        let text = bytes[textStart..<index]
        let decoded: [UInt8]?
        switch encoding {
        case UInt8(ascii: "b"): decoded = TransferEncoding.decodeBase64Strictly(text)
        case UInt8(ascii: "q"): decoded = decodeQ(text)
        default: decoded = nil
        }
        guard let decoded, charset.decode(decoded) != nil else { return nil }
        return (charset, decoded, index + 2)
    }

    /// The Q encoding (§4.2): `_` is a space, `=XX` an octet; nil if malformed.
    private static func decodeQ(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "_") {
                output.append(RFC5322ASCII.space)
            } else if byte == RFC5322ASCII.equals {
                guard index + 2 < text.endIndex, let high = RFC5322ASCII.hexValue(text[index + 1]),
                      let low = RFC5322ASCII.hexValue(text[index + 2]) else { return nil }
                output.append(high << 4 | low)
                index += 2
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    /// token octets of a charset name (§2): no SPACE, CTLs or especials.
    private static func isCharsetOctet(_ byte: UInt8) -> Bool {
        byte > 32 && byte < 127 && !"()<>@,;:\"/[]?.=".utf8.contains(byte)
    }
}
