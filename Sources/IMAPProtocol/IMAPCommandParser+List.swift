/// LIST, basic and extended (RFC 9051 §6.3.9, RFC 5258 §3, RFC 6154 §3,
/// RFC 5819 §2), and LSUB (RFC 3501 §6.3.9).
extension IMAPCommandParser {
    /// `LIST [(selection)] reference (pattern | (patterns)) [RETURN (options)]`.
    static func list(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPCommand {
        try reader.space()
        var selection: [IMAPListSelectionOption] = []
        if reader.peek == IMAPCharacterClass.openParen {
            selection = try reader.list("selection options", allowEmpty: true) { reader throws(IMAPParseError) in
                try selectionOption(&reader)
            }
            try reader.space()
            if selection.contains(.recursiveMatch) && !selection.contains(.subscribed) && !selection.contains(.specialUse) {
                throw .syntax("RECURSIVEMATCH needs another selection option")
            }
        }
        let reference = try reader.text("a reference name")
        try reader.space()
        let patterns: [String]
        if reader.peek == IMAPCharacterClass.openParen {
            patterns = try reader.list("patterns") { reader throws(IMAPParseError) in try listMailbox(&reader) }
        } else {
            patterns = [try listMailbox(&reader)]
        }
        var returns: [IMAPListReturnOption] = []
        if reader.skip(IMAPCharacterClass.space) {
            guard reader.keyword() == "RETURN" else { throw .syntax("Expected RETURN") }
            try reader.space()
            returns = try reader.list("return options", allowEmpty: true) { reader throws(IMAPParseError) in
                try returnOption(&reader)
            }
        }
        return .list(IMAPListCommand(selectionOptions: selection, reference: reference, patterns: patterns, returnOptions: returns))
    }

    /// `LSUB reference pattern`.
    static func lsub(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPCommand {
        try reader.space()
        let reference = try reader.text("a reference name")
        try reader.space()
        return .lsub(reference: reference, pattern: try listMailbox(&reader))
    }

    /// list-mailbox: 1*list-char (wildcards allowed) or a string.
    private static func listMailbox(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> String {
        let bytes: [UInt8]
        if reader.peek == IMAPCharacterClass.quote || reader.atLiteral {
            bytes = try reader.string("a mailbox pattern")
        } else {
            bytes = try reader.run("a mailbox pattern", IMAPCharacterClass.isListChar)
        }
        guard let pattern = String(validating: bytes, as: UTF8.self) else { throw .syntax("Pattern is not valid UTF-8") }
        return pattern
    }

    private static func selectionOption(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPListSelectionOption {
        switch try reader.requiredKeyword("a selection option") {
        case "SUBSCRIBED": .subscribed
        case "REMOTE": .remote
        case "RECURSIVEMATCH": .recursiveMatch
        case "SPECIAL-USE": .specialUse
        case let other: throw .syntax("Unknown selection option \(other.prefix(32))")
        }
    }

    private static func returnOption(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPListReturnOption {
        switch try reader.requiredKeyword("a return option") {
        case "SUBSCRIBED": return .subscribed
        case "CHILDREN": return .children
        case "SPECIAL-USE": return .specialUse
        case "STATUS":
            try reader.space()
            return .status(try statusAttributes(&reader))
        case let other: throw .syntax("Unknown return option \(other.prefix(32))")
        }
    }
}
