/// The octet count that may end a command line and announce a literal:
/// `{n}`, `{n+}` (RFC 7888 §3) or `~{n}` / `~{n+}` (RFC 3516 §4.1, RFC 9051
/// §4.3.1), immediately before the line break.
struct IMAPLiteralMarker: Equatable {
    /// The announced octet count; `UInt64.max` when it does not fit a
    /// number64 (RFC 9051 §9), which every limit refuses.
    var size: UInt64
    var isSynchronizing: Bool
    var isBinary: Bool
    /// Where the marker starts in the line (at `~` for a literal8).
    var start: Int

    /// The marker at the end of `line`, if there is one.
    static func find(in line: ArraySlice<UInt8>) -> IMAPLiteralMarker? {
        guard line.last == IMAPCharacterClass.closeBrace else { return nil }
        var index = line.endIndex - 1
        let nonSynchronizing = index > line.startIndex && line[index - 1] == UInt8(ascii: "+")
        if nonSynchronizing { index -= 1 }
        let digitsEnd = index
        while index > line.startIndex && IMAPCharacterClass.isDigit(line[index - 1]) { index -= 1 }
        guard index < digitsEnd, index > line.startIndex, line[index - 1] == IMAPCharacterClass.openBrace else {
            return nil
        }
        var start = index - 1
        let isBinary = start > line.startIndex && line[start - 1] == UInt8(ascii: "~")
        if isBinary { start -= 1 }
        return IMAPLiteralMarker(
            size: number64(line[index..<digitsEnd]), isSynchronizing: !nonSynchronizing,
            isBinary: isBinary, start: start
        )
    }

    /// The value of a digit run, `UInt64.max` past 2^63-1.
    private static func number64(_ digits: ArraySlice<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for digit in digits {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
            guard !overflow1, !overflow2, sum <= UInt64(Int64.max) else { return .max }
            value = sum
        }
        return value
    }
}
