/// Commands of the not-authenticated state and session-wide ones:
/// AUTHENTICATE, LOGIN, ENABLE, ID, COMPRESS.
extension IMAPCommandParser {
    /// `AUTHENTICATE mech [SP initial-resp]` (RFC 9051 §6.2.2, RFC 4959 §3).
    static func authenticate(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPCommand {
        try reader.space()
        let mechanism = IMAPCharacterClass.uppercased(try reader.atom("a mechanism name"))
        guard reader.skip(IMAPCharacterClass.space) else { return .authenticate(mechanism: mechanism, initialResponse: nil) }
        let response = try reader.run("an initial response", isBase64OrPad)
        return .authenticate(mechanism: mechanism, initialResponse: String(decoding: response, as: UTF8.self))
    }

    private static func isBase64OrPad(_ byte: UInt8) -> Bool {
        IMAPCharacterClass.isAlpha(byte) || IMAPCharacterClass.isDigit(byte)
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
    }

    /// `LOGIN userid password` (RFC 9051 §6.2.3).
    static func login(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPCommand {
        try reader.space()
        let user = try reader.text("a user name")
        try reader.space()
        return .login(username: user, password: try reader.text("a password"))
    }

    /// `ENABLE capability...` (RFC 5161 §3.1).
    static func enable(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPCommand {
        var names: [String] = []
        while reader.skip(IMAPCharacterClass.space) {
            guard names.count < reader.limits.maxListItems else { throw IMAPParseError(.tooComplex, "Too many capabilities") }
            names.append(IMAPCharacterClass.uppercased(try reader.atom("a capability name")))
        }
        guard !names.isEmpty else { throw .syntax("Expected a capability name") }
        return .enable(names)
    }

    /// `ID NIL` or `ID (field value ...)` (RFC 2971 §3.1, §3.3: at most 30
    /// pairs, fields up to 30 octets, values up to 1024).
    static func id(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPCommand {
        try reader.space()
        guard reader.peek == IMAPCharacterClass.openParen else {
            guard reader.keyword() == "NIL" else { throw .syntax("Expected ( or NIL") }
            return .id(nil)
        }
        let items = try reader.list("the ID list") { reader throws(IMAPParseError) in
            let name = try reader.string("a field name")
            try reader.space()
            let value = try reader.nstring("a field value")
            guard name.count <= 30, (value?.count ?? 0) <= 1024 else { throw .syntax("ID field or value too long") }
            return IMAPIDField(IMAPCharacterClass.text(name), value.map(IMAPCharacterClass.text))
        }
        guard items.count <= 30 else { throw .syntax("More than 30 ID fields") }
        return .id(items)
    }

    /// `COMPRESS mechanism` (RFC 4978 §3).
    static func compress(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPCommand {
        try reader.space()
        return .compress(mechanism: IMAPCharacterClass.uppercased(try reader.atom("a compression mechanism")))
    }
}
