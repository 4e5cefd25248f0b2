import MailCore

/// Walks the text and literals of one framed command for the parser: a
/// position in the current line, where a line's end means the literal that
/// follows it (RFC 9051 §4.3).
struct IMAPArgumentReader {
    private let lines: [[UInt8]]
    private let literals: [IMAPLiteral]
    let limits: IMAPParserLimits
    private var segment = 0
    private var offset = 0
    /// Search keys made so far, for `IMAPParserLimits.maxSearchKeys`.
    var searchKeyCount = 0
    /// The CHARSET of a SEARCH, SORT or THREAD, for its string arguments.
    var charset: MIMECharset?

    init(_ command: IMAPFramedCommand, limits: IMAPParserLimits) {
        lines = command.lines
        literals = command.literals
        self.limits = limits
    }

    /// The next octet of the current line; nil at its end.
    var peek: UInt8? {
        offset < lines[segment].count ? lines[segment][offset] : nil
    }

    /// Whether a literal comes next.
    var atLiteral: Bool {
        offset == lines[segment].count && segment < literals.count
    }

    var isAtEnd: Bool {
        segment == lines.count - 1 && offset == lines[segment].count
    }

    mutating func advance(by count: Int = 1) {
        offset = min(offset + count, lines[segment].count)
    }

    /// Consumes `byte` if it comes next.
    mutating func skip(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        offset += 1
        return true
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(IMAPParseError) {
        guard skip(byte) else { throw .syntax("Expected \(what)") }
    }

    /// Exactly one SP (RFC 9051 §9, note 2).
    mutating func space() throws(IMAPParseError) {
        try expect(IMAPCharacterClass.space, "a space")
    }

    mutating func end() throws(IMAPParseError) {
        guard isAtEnd else { throw .syntax("Unexpected extra arguments") }
    }

    /// The longest run of atom characters other than `[` (command names,
    /// options, fetch and search keywords), uppercased; may be empty.
    mutating func keyword() -> String {
        let start = offset
        while let byte = peek, IMAPCharacterClass.isAtomChar(byte), byte != IMAPCharacterClass.openBracket { offset += 1 }
        return IMAPCharacterClass.uppercased(lines[segment][start..<offset])
    }

    /// Like `keyword()` but never empty.
    mutating func requiredKeyword(_ what: String) throws(IMAPParseError) -> String {
        let word = keyword()
        guard !word.isEmpty else { throw .syntax("Expected \(what)") }
        return word
    }

    /// Octets while `accept` holds; at least one.
    mutating func run(_ what: String, _ accept: (UInt8) -> Bool) throws(IMAPParseError) -> [UInt8] {
        let start = offset
        while let byte = peek, accept(byte) { offset += 1 }
        guard offset > start else { throw .syntax("Expected \(what)") }
        return Array(lines[segment][start..<offset])
    }

    mutating func atom(_ what: String = "an atom") throws(IMAPParseError) -> [UInt8] {
        try run(what, IMAPCharacterClass.isAtomChar)
    }

    /// astring: 1*ASTRING-CHAR, a quoted string or a literal.
    mutating func astring(_ what: String) throws(IMAPParseError) -> [UInt8] {
        if peek == IMAPCharacterClass.quote || atLiteral { return try string(what) }
        return try run(what, IMAPCharacterClass.isAstringChar)
    }

    /// string: quoted or literal (not literal8, which only APPEND takes);
    /// NUL is refused (RFC 9051 §9, CHAR8 and note 3).
    mutating func string(_ what: String) throws(IMAPParseError) -> [UInt8] {
        if peek == IMAPCharacterClass.quote { return try quoted() }
        guard atLiteral else { throw .syntax("Expected \(what)") }
        let literal = takeLiteral()
        guard !literal.isBinary else { throw .syntax("A literal8 is not allowed in \(what)") }
        guard !literal.bytes.contains(0) else { throw .syntax("NUL in \(what)") }
        return literal.bytes
    }

    /// nstring: a string or NIL.
    mutating func nstring(_ what: String) throws(IMAPParseError) -> [UInt8]? {
        if peek == IMAPCharacterClass.quote || atLiteral { return try string(what) }
        guard keyword() == "NIL" else { throw .syntax("Expected \(what) or NIL") }
        return nil
    }

    /// The literal that follows; call only when `atLiteral`.
    mutating func takeLiteral() -> IMAPLiteral {
        let literal = literals[segment]
        segment += 1
        offset = 0
        return literal
    }

    /// quoted: `"` ... `"` with `\"` and `\\` the only escapes; 8-bit
    /// octets pass (UTF8-2/3/4 of RFC 9051 §9, checked by the caller).
    mutating func quoted() throws(IMAPParseError) -> [UInt8] {
        try expect(IMAPCharacterClass.quote, "a quoted string")
        var output: [UInt8] = []
        while let byte = peek {
            offset += 1
            switch byte {
            case IMAPCharacterClass.quote:
                return output
            case IMAPCharacterClass.backslash:
                guard let escaped = peek, escaped == IMAPCharacterClass.quote || escaped == IMAPCharacterClass.backslash else {
                    throw .syntax("Invalid escape in quoted string")
                }
                output.append(escaped)
                offset += 1
            case 0, IMAPCharacterClass.cr, IMAPCharacterClass.lf:
                throw .syntax("Invalid character in quoted string")
            default:
                output.append(byte)
            }
        }
        throw .syntax("Unterminated quoted string")
    }

    /// A parenthesised, space-separated list of at most `maxListItems`
    /// elements; `allowEmpty` accepts `()`.
    mutating func list<T>(
        _ what: String, allowEmpty: Bool = false, _ element: (inout IMAPArgumentReader) throws(IMAPParseError) -> T
    ) throws(IMAPParseError) -> [T] {
        try expect(IMAPCharacterClass.openParen, "( to open \(what)")
        var items: [T] = []
        if skip(IMAPCharacterClass.closeParen) {
            guard allowEmpty else { throw .syntax("Empty \(what)") }
            return items
        }
        repeat {
            guard items.count < limits.maxListItems else { throw IMAPParseError(.tooComplex, "Too many items in \(what)") }
            items.append(try element(&self))
        } while skip(IMAPCharacterClass.space)
        try expect(IMAPCharacterClass.closeParen, ") to close \(what)")
        return items
    }
}
