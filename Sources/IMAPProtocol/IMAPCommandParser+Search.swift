import MailCore

/// SEARCH with ESEARCH return options (RFC 9051 §6.4.4, RFC 4731 §3.1,
/// RFC 5182 §2), SORT and THREAD (RFC 5256 §3).
extension IMAPCommandParser {
    /// `SEARCH [RETURN (options)] [CHARSET charset] key ...`.
    static func search(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPSearchCommand {
        try reader.space()
        var command = IMAPSearchCommand(keys: [])
        let start = reader
        if reader.keyword() == "RETURN" {
            try reader.space()
            let options = try reader.list("return options", allowEmpty: true) { reader throws(IMAPParseError) in
                let name = try reader.requiredKeyword("a return option")
                guard let option = IMAPSearchReturnOption(rawValue: name) else {
                    throw .syntax("Unknown search return option \(name.prefix(32))")
                }
                return option
            }
            command.returnOptions = options.isEmpty ? [.all] : options
            try reader.space()
        } else {
            reader = start
        }
        let beforeCharset = reader
        if reader.keyword() == "CHARSET" {
            try reader.space()
            command.charset = try charset(&reader)
            try reader.space()
        } else {
            reader = beforeCharset
        }
        command.keys = try searchKeys(&reader)
        return command
    }

    /// `SORT (criteria) charset key ...`.
    static func sort(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPSortCommand {
        try reader.space()
        let criteria = try reader.list("sort criteria") { reader throws(IMAPParseError) in
            var name = try reader.requiredKeyword("a sort key")
            let reversed = name == "REVERSE"
            if reversed {
                try reader.space()
                name = try reader.requiredKeyword("a sort key")
            }
            guard let key = IMAPSortKey(rawValue: name) else { throw .syntax("Unknown sort key \(name.prefix(32))") }
            return IMAPSortCriterion(key, reversed: reversed)
        }
        try reader.space()
        let charset = try charset(&reader)
        try reader.space()
        return IMAPSortCommand(criteria: criteria, charset: charset, keys: try searchKeys(&reader))
    }

    /// `THREAD algorithm charset key ...`.
    static func thread(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPThreadCommand {
        try reader.space()
        let name = try reader.requiredKeyword("a threading algorithm")
        guard let algorithm = IMAPThreadAlgorithm(rawValue: name) else {
            throw .syntax("Unknown threading algorithm \(name.prefix(32))")
        }
        try reader.space()
        let charset = try charset(&reader)
        try reader.space()
        return IMAPThreadCommand(algorithm: algorithm, charset: charset, keys: try searchKeys(&reader))
    }

    /// charset: an atom or a quoted string, uppercased; it also selects how
    /// the string arguments that follow are decoded.
    private static func charset(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> String {
        let bytes = reader.peek == IMAPCharacterClass.quote ? try reader.quoted() : try reader.atom("a charset")
        let name = IMAPCharacterClass.uppercased(bytes)
        reader.charset = MIMECharset(name: name)
        return name
    }

    /// `key *(SP key)`.
    private static func searchKeys(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> [IMAPSearchKey] {
        var keys: [IMAPSearchKey] = []
        repeat {
            keys.append(try searchKey(&reader, depth: 1))
        } while reader.skip(IMAPCharacterClass.space)
        return keys
    }
}
