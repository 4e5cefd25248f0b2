/// Numbers of the IMAP grammar (RFC 9051 §9): number and nz-number are
/// 32-bit, number64 and nz-number64 at most 2^63-1.
extension IMAPArgumentReader {
    mutating func number64(_ what: String) throws(IMAPParseError) -> UInt64 {
        let digits = try run(what, IMAPCharacterClass.isDigit)
        var value: UInt64 = 0
        for digit in digits {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
            guard !overflow1, !overflow2, sum <= UInt64(Int64.max) else { throw .syntax("Number out of range in \(what)") }
            value = sum
        }
        return value
    }

    mutating func nzNumber64(_ what: String) throws(IMAPParseError) -> UInt64 {
        let value = try number64(what)
        guard value > 0 else { throw .syntax("Expected a non-zero number in \(what)") }
        return value
    }

    mutating func number(_ what: String) throws(IMAPParseError) -> UInt32 {
        let value = try number64(what)
        guard let value = UInt32(exactly: value) else { throw .syntax("Number out of range in \(what)") }
        return value
    }

    mutating func nzNumber(_ what: String) throws(IMAPParseError) -> UInt32 {
        let value = try number(what)
        guard value > 0 else { throw .syntax("Expected a non-zero number in \(what)") }
        return value
    }
}
