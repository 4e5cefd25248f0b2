/// APPEND with MULTIAPPEND, BINARY and UTF8=ACCEPT (RFC 9051 §6.3.12,
/// RFC 3502 §6.3.11, RFC 3516 §4.3, RFC 6855 §4).
extension IMAPCommandParser {
    /// `APPEND mailbox 1*([SP flag-list] [SP date-time] SP append-data)`,
    /// append-data being a literal, a literal8 or `UTF8 (literal8)`.
    static func append(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPCommand {
        try reader.space()
        let mailbox = try reader.mailbox()
        var messages: [IMAPAppendMessage] = []
        repeat {
            guard messages.count < reader.limits.maxListItems else {
                throw IMAPParseError(.tooComplex, "Too many messages in one APPEND")
            }
            try reader.space()
            messages.append(try appendMessage(&reader))
        } while !reader.isAtEnd
        return .append(mailbox: mailbox, messages)
    }

    private static func appendMessage(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPAppendMessage {
        var message = IMAPAppendMessage(data: [])
        if reader.peek == IMAPCharacterClass.openParen {
            message.flags = try reader.flagList()
            try reader.space()
        }
        if reader.peek == IMAPCharacterClass.quote {
            message.internalDate = try reader.dateTime()
            try reader.space()
        }
        if reader.atLiteral {
            let literal = reader.takeLiteral()
            message.data = literal.bytes
            message.isBinary = literal.isBinary
            return message
        }
        guard reader.keyword() == "UTF8" else { throw .syntax("Expected the message as a literal") }
        try reader.space()
        try reader.expect(IMAPCharacterClass.openParen, "( after UTF8")
        guard reader.atLiteral, case let literal = reader.takeLiteral(), literal.isBinary else {
            throw .syntax("Expected a literal8 after UTF8 (")
        }
        try reader.expect(IMAPCharacterClass.closeParen, ") after the UTF8 literal")
        message.data = literal.bytes
        message.isBinary = true
        message.isUTF8 = true
        return message
    }
}
