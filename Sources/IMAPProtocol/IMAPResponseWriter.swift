/// Appends the pieces of the response grammar (RFC 9051 §4, §9) to a byte
/// buffer: atoms, strings that choose between quoted and literal form,
/// NIL, numbers, parenthesised lists and mailbox names.
struct IMAPResponseWriter {
    /// Whether UTF-8 may appear in quoted strings, text and mailbox names
    /// (IMAP4rev2 or UTF8=ACCEPT enabled, RFC 9051 §9 QUOTED-CHAR, RFC 6855 §3).
    let utf8: Bool
    var bytes: [UInt8] = []

    /// Strings longer than this go out as literals.
    static let maxQuotedLength = 1024

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func space() {
        bytes.append(IMAPCharacterClass.space)
    }

    mutating func crlf() {
        bytes.append(IMAPCharacterClass.cr)
        bytes.append(IMAPCharacterClass.lf)
    }

    /// A number in decimal, its digits made on the stack (no String).
    mutating func number(_ value: some BinaryInteger) {
        guard let magnitude = UInt64(exactly: value) else { return raw(String(value)) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            var remaining = magnitude
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: remaining % 10)
                remaining /= 10
            } while remaining > 0
            bytes.append(contentsOf: UnsafeMutableBufferPointer(rebasing: digits[start...]))
        }
    }

    mutating func nilValue() {
        raw("NIL")
    }

    /// A string, quoted when it can be, else a literal.
    mutating func string(_ text: String) {
        string(bytes: Array(text.utf8))
    }

    mutating func string(bytes value: [UInt8]) {
        guard canQuote(value) else { return literal(value) }
        bytes.append(IMAPCharacterClass.quote)
        for byte in value {
            if byte == IMAPCharacterClass.quote || byte == IMAPCharacterClass.backslash { bytes.append(IMAPCharacterClass.backslash) }
            bytes.append(byte)
        }
        bytes.append(IMAPCharacterClass.quote)
    }

    mutating func nstring(_ text: String?) {
        guard let text else { return nilValue() }
        string(text)
    }

    /// An atom when the text is a valid one (and not `NIL`), else a string.
    mutating func astring(_ text: String) {
        let value = Array(text.utf8)
        if !value.isEmpty, value.allSatisfy(IMAPCharacterClass.isAstringChar), text.uppercased() != "NIL" {
            bytes.append(contentsOf: value)
        } else {
            string(bytes: value)
        }
    }

    /// `{n}` CRLF and the octets (RFC 9051 §4.3).
    mutating func literal(_ value: some Collection<UInt8>) {
        raw("{\(value.count)}")
        crlf()
        bytes.append(contentsOf: value)
    }

    /// `~{n}` CRLF and the octets, which may include NUL (RFC 3516 §4.2).
    mutating func literal8(_ value: some Collection<UInt8>) {
        raw("~{\(value.count)}")
        crlf()
        bytes.append(contentsOf: value)
    }

    /// A mailbox name given in Unicode: modified UTF-7 unless UTF-8 names
    /// are in effect.
    mutating func mailbox(_ name: String) {
        astring(utf8 ? name : IMAPModifiedUTF7.encode(name))
    }

    /// resp-text: CR, LF and NUL become spaces; without UTF-8, non-ASCII
    /// characters become `?` (RFC 9051 §9 text).
    mutating func text(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case 0, IMAPCharacterClass.cr, IMAPCharacterClass.lf: bytes.append(IMAPCharacterClass.space)
            case 0x80...0xBF where !utf8: continue
            case 0xC0... where !utf8: bytes.append(UInt8(ascii: "?"))
            default: bytes.append(byte)
            }
        }
    }

    /// `(a b c)` with `write` for each item.
    mutating func list<T>(_ items: [T], _ write: (inout IMAPResponseWriter, T) -> Void) {
        bytes.append(IMAPCharacterClass.openParen)
        for (index, item) in items.enumerated() {
            if index > 0 { space() }
            write(&self, item)
        }
        bytes.append(IMAPCharacterClass.closeParen)
    }

    /// A flag list `(\Seen $Forwarded)`.
    mutating func flags(_ flags: [IMAPFlag]) {
        bytes.append(IMAPCharacterClass.openParen)
        for index in flags.indices {
            if index > 0 { space() }
            raw(flags[index].description)
        }
        bytes.append(IMAPCharacterClass.closeParen)
    }

    /// Whether the octets may form a quoted string: no CR, LF or NUL, and
    /// 8-bit octets only as valid UTF-8 when UTF-8 is in effect.
    private func canQuote(_ value: [UInt8]) -> Bool {
        guard value.count <= Self.maxQuotedLength else { return false }
        var eightBit = false
        for byte in value {
            if byte == 0 || byte == IMAPCharacterClass.cr || byte == IMAPCharacterClass.lf { return false }
            if byte >= 0x80 { eightBit = true }
        }
        return !eightBit || (utf8 && String(validating: value, as: UTF8.self) != nil)
    }
}
