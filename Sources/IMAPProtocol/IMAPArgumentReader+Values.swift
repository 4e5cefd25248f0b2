import MailCore

/// The composite values shared by many commands: mailbox names, text,
/// flags, dates and sequence sets (RFC 9051 §9).
extension IMAPArgumentReader {
    /// mailbox: an astring in valid UTF-8, with INBOX in any case spelled
    /// `INBOX` (RFC 9051 §9, mailbox).
    mutating func mailbox() throws(IMAPParseError) -> String {
        let bytes = try astring("a mailbox name")
        guard let name = String(validating: bytes, as: UTF8.self) else {
            throw .syntax("Mailbox name is not valid UTF-8")
        }
        return IMAPCharacterClass.uppercased(bytes) == "INBOX" ? "INBOX" : name
    }

    /// An astring as text (UTF-8, or Latin-1 if it is not valid UTF-8).
    mutating func text(_ what: String) throws(IMAPParseError) -> String {
        IMAPCharacterClass.text(try astring(what))
    }

    /// An astring argument of a search key, decoded from the CHARSET.
    mutating func searchText(_ what: String) throws(IMAPParseError) -> String {
        let bytes = try astring(what)
        return charset?.decode(bytes) ?? IMAPCharacterClass.text(bytes)
    }

    /// flag: a system flag, keyword or flag-extension.
    mutating func flag() throws(IMAPParseError) -> IMAPFlag {
        let backslash = skip(IMAPCharacterClass.backslash)
        let name = String(decoding: try atom("a flag"), as: UTF8.self)
        guard let flag = IMAPFlag(backslash ? "\\" + name : name) else { throw .syntax("Invalid flag") }
        return flag
    }

    /// flag-list: `(flag ...)`, possibly empty.
    mutating func flagList() throws(IMAPParseError) -> [IMAPFlag] {
        try list("the flag list", allowEmpty: true) { reader throws(IMAPParseError) in try reader.flag() }
    }

    /// date: date-text, bare or quoted (SEARCH dates).
    mutating func date() throws(IMAPParseError) -> IMAPDate {
        let bytes = peek == IMAPCharacterClass.quote ? try quoted() : try atom("a date")
        guard let date = IMAPDate(parsing: String(decoding: bytes, as: UTF8.self)) else {
            throw .syntax("Invalid date, expected d-Mon-yyyy")
        }
        return date
    }

    /// date-time: the quoted `"dd-Mon-yyyy hh:mm:ss +zzzz"` of APPEND.
    mutating func dateTime() throws(IMAPParseError) -> IMAPDateTime {
        let bytes = try quoted()
        guard let dateTime = IMAPDateTime(parsing: String(decoding: bytes, as: UTF8.self)) else {
            throw .syntax("Invalid date-time")
        }
        return dateTime
    }

    /// sequence-set: ranges of nz-number or `*`, comma separated, or `$`.
    mutating func sequenceSet() throws(IMAPParseError) -> IMAPSequenceSet {
        if skip(UInt8(ascii: "$")) { return .lastResult }
        var ranges: [IMAPSequenceRange] = []
        repeat {
            guard ranges.count < limits.maxSequenceRanges else {
                throw IMAPParseError(.tooComplex, "Too many ranges in sequence set")
            }
            let first = try sequenceNumber()
            ranges.append(skip(UInt8(ascii: ":")) ? IMAPSequenceRange(first, try sequenceNumber()) : IMAPSequenceRange(first))
        } while skip(UInt8(ascii: ","))
        return .ranges(ranges)
    }

    private mutating func sequenceNumber() throws(IMAPParseError) -> IMAPSequenceNumber {
        if skip(UInt8(ascii: "*")) { return .last }
        guard let byte = peek, IMAPCharacterClass.isDigit(byte) else { throw .syntax("Invalid sequence set") }
        return .number(try nzNumber("the sequence set"))
    }
}
