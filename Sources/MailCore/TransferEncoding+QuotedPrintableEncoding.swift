extension TransferEncoding {
    /// Encodes quoted-printable (RFC 2045 §6.7). CRLF pairs stay hard line
    /// breaks (rule 4); a bare CR or LF is escaped. Octets other than
    /// printable ASCII and white space are escaped as `=XX` (rules 1, 2), and
    /// so is `=`. Lines longer than 76 characters are cut with soft breaks
    /// (rule 5). White space is escaped at the end of a line (rule 3) and
    /// also wherever a soft break could follow it, where rule 3 would allow
    /// it literally, because some decoders strip it there. A `-` that would
    /// start a line after a soft break is escaped, so the output never shows
    /// a line that looks like a multipart delimiter (RFC 2046 §5.1.1) the
    /// input did not have.
    public static func encodeQuotedPrintable(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        var encoder = QuotedPrintableLineEncoder()
        var lineStart = 0
        var index = 0
        while index < input.count {
            if input[index] == RFC5322ASCII.cr && index + 1 < input.count && input[index + 1] == RFC5322ASCII.lf {
                encoder.encodeLine(input[lineStart..<index], hardBreak: true)
                index += 2
                lineStart = index
            } else {
                index += 1
            }
        }
        if lineStart < input.count { encoder.encodeLine(input[lineStart...], hardBreak: false) }
        return encoder.output
    }
}

/// Writes the lines of a quoted-printable body (RFC 2045 §6.7), keeping
/// each output line within 76 characters, the soft break's `=` included.
private struct QuotedPrintableLineEncoder {
    static let maxLineLength = 76
    static let hexDigits = Array("0123456789ABCDEF".utf8)

    private(set) var output: [UInt8] = []

    /// Encodes one input line without its line break, then writes CRLF if
    /// the line had one.
    mutating func encodeLine(_ line: ArraySlice<UInt8>, hardBreak: Bool) {
        var column = 0
        var afterSoftBreak = false
        for index in line.indices {
            let byte = line[index]
            let isLast = index + 1 == line.endIndex
            var escaped = Self.needsEscape(byte, isLast: isLast, column: column)
            if column + (escaped ? 3 : 1) > Self.room(isLast: isLast) {
                output += [RFC5322ASCII.equals, RFC5322ASCII.cr, RFC5322ASCII.lf]
                column = 0
                afterSoftBreak = true
            }
            if column == 0 && afterSoftBreak && byte == UInt8(ascii: "-") { escaped = true }
            if escaped {
                output += [RFC5322ASCII.equals, Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0x0F)]]
                column += 3
            } else {
                output.append(byte)
                column += 1
            }
        }
        if hardBreak { output += [RFC5322ASCII.cr, RFC5322ASCII.lf] }
    }

    /// The columns a character may end at: the last one of a line may use
    /// all 76, any other must leave one for a soft break's `=`.
    private static func room(isLast: Bool) -> Int {
        isLast ? maxLineLength : maxLineLength - 1
    }

    /// Rule 2 keeps printable ASCII but `=` literal; rule 3 keeps space and
    /// tab literal only where the next character, even escaped, still fits
    /// on the line, so neither the line's end nor a soft break follows them.
    private static func needsEscape(_ byte: UInt8, isLast: Bool, column: Int) -> Bool {
        if RFC5322ASCII.isWSP(byte) { return isLast || column + 1 + 3 > room(isLast: false) }
        return byte < 33 || byte > 126 || byte == RFC5322ASCII.equals
    }
}
