extension TransferEncoding {
    /// Decodes quoted-printable (RFC 2045 §6.7): `=XX` escapes (either case),
    /// soft line breaks (`=`, optional white space, then CRLF, LF or the end;
    /// white space before the `=` is kept), and removal of white space
    /// trailing a line (rule 3). An `=` that starts
    /// no valid escape is kept literally. Line breaks are kept as written.
    public static func decodeQuotedPrintable(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var pendingWhitespace = 0
        var index = 0
        while index < input.count {
            let byte = input[index]
            if RFC5322ASCII.isWSP(byte) {
                output.append(byte)
                pendingWhitespace += 1
                index += 1
                continue
            }
            if byte == RFC5322ASCII.cr || byte == RFC5322ASCII.lf {
                output.removeLast(pendingWhitespace)
                output.append(byte)
            } else if byte == RFC5322ASCII.equals, let after = softBreakEnd(input, index + 1) {
                // White space before the `=` of a soft break is text (RFC 2045
                // §6.7's own "Now's the time =" example); only white space
                // after it, padding the encoded line, is removed.
                index = after
                pendingWhitespace = 0
                continue
            } else if byte == RFC5322ASCII.equals, index + 2 < input.count,
                      let high = RFC5322ASCII.hexValue(input[index + 1]),
                      let low = RFC5322ASCII.hexValue(input[index + 2]) {
                output.append(high << 4 | low)
                index += 2
            } else {
                output.append(byte)
            }
            pendingWhitespace = 0
            index += 1
        }
        output.removeLast(pendingWhitespace)
        return output
    }

    /// If a soft line break follows an `=` (white space, then CRLF, LF or the
    /// end of input), the index after it.
    private static func softBreakEnd(_ input: [UInt8], _ start: Int) -> Int? {
        var index = start
        while index < input.count && RFC5322ASCII.isWSP(input[index]) { index += 1 }
        if index == input.count { return index }
        if input[index] == RFC5322ASCII.lf { return index + 1 }
        if input[index] == RFC5322ASCII.cr {
            return index + 1 < input.count && input[index + 1] == RFC5322ASCII.lf ? index + 2 : index + 1
        }
        return nil
    }
}
