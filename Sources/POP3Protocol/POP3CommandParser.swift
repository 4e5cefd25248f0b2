/// Parses one command line (without its CRLF) into a `POP3Command`; errors
/// carry the `-ERR` response to send.
///
/// Keywords are matched without regard to case (RFC 1939 §3). Arguments are
/// separated by spaces; runs of spaces are tolerated, except in PASS, whose
/// argument is the rest of the line verbatim. RFC 2449 §4 raises RFC 1939's
/// 40-character argument limit to the 255-octet command limit, which is the
/// only length bound here (user names are often longer than 40 characters).
/// Arguments are printable ASCII, except that USER and PASS may carry UTF-8
/// (RFC 6856; the session decides whether UTF8 mode allows it).
public enum POP3CommandParser {
    /// RFC 2449 §4: a command is at most 255 octets including CRLF.
    public static let maximumCommandLength = 255

    public static func parse(_ line: [UInt8]) -> Result<POP3Command, POP3Response> {
        guard line.count + 2 <= maximumCommandLength else { return .failure(.commandTooLong) }
        guard !line.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return .failure(.invalidCharacters) }
        let keywordEnd = line.firstIndex(of: UInt8(ascii: " ")) ?? line.endIndex
        let keyword = String(decoding: line[..<keywordEnd], as: UTF8.self).uppercased()
        let rest = keywordEnd < line.endIndex ? line[(keywordEnd + 1)...] : []
        if keyword == "USER" || keyword == "PASS" {
            return credential(keyword, rest)
        }
        guard rest.allSatisfy({ $0 < 0x80 }) else { return .failure(.invalidCharacters) }
        let arguments = rest.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
        switch keyword {
        case "APOP": return .success(.apop)
        case "AUTH": return auth(arguments)
        case "STLS": return bare(.stls, "STLS", arguments)
        case "CAPA": return bare(.capa, "CAPA", arguments)
        case "UTF8": return bare(.utf8, "UTF8", arguments)
        case "STAT": return bare(.stat, "STAT", arguments)
        case "NOOP": return bare(.noop, "NOOP", arguments)
        case "RSET": return bare(.rset, "RSET", arguments)
        case "QUIT": return bare(.quit, "QUIT", arguments)
        case "LIST": return optionalNumber(arguments, "LIST [msg]").map(POP3Command.list)
        case "UIDL": return optionalNumber(arguments, "UIDL [msg]").map(POP3Command.uidl)
        case "RETR": return number(arguments, "RETR msg").map(POP3Command.retr)
        case "DELE": return number(arguments, "DELE msg").map(POP3Command.dele)
        case "TOP": return top(arguments)
        default: return .failure(.unknownCommand)
        }
    }

    /// USER takes one name; PASS takes the rest of the line (RFC 1939 §7).
    /// Both must be valid UTF-8.
    static func credential(_ keyword: String, _ rest: ArraySlice<UInt8>) -> Result<POP3Command, POP3Response> {
        let usage = keyword == "USER" ? "USER name" : "PASS password"
        guard let text = String(validating: rest, as: UTF8.self) else { return .failure(.invalidCharacters) }
        if keyword == "PASS" {
            return text.isEmpty ? .failure(.syntax(usage)) : .success(.pass(text))
        }
        let words = text.split(separator: " ")
        guard words.count == 1 else { return .failure(.syntax(usage)) }
        return .success(.user(String(words[0])))
    }

    static func bare(_ command: POP3Command, _ usage: String, _ arguments: [String]) -> Result<POP3Command, POP3Response> {
        arguments.isEmpty ? .success(command) : .failure(.syntax(usage))
    }

    static func auth(_ arguments: [String]) -> Result<POP3Command, POP3Response> {
        guard arguments.count <= 2 else { return .failure(.syntax("AUTH [mechanism [initial-response]]")) }
        return .success(.auth(mechanism: arguments.first?.uppercased(), initialResponse: arguments.count == 2 ? arguments[1] : nil))
    }

    static func top(_ arguments: [String]) -> Result<POP3Command, POP3Response> {
        guard arguments.count == 2 else { return .failure(.syntax("TOP msg n")) }
        guard let message = decimal(arguments[0]), let lines = decimal(arguments[1]) else {
            return .failure(.invalidMessageNumber)
        }
        return .success(.top(message, lines: lines))
    }

    static func number(_ arguments: [String], _ usage: String) -> Result<Int, POP3Response> {
        guard arguments.count == 1 else { return .failure(.syntax(usage)) }
        guard let value = decimal(arguments[0]) else { return .failure(.invalidMessageNumber) }
        return .success(value)
    }

    static func optionalNumber(_ arguments: [String], _ usage: String) -> Result<Int?, POP3Response> {
        arguments.isEmpty ? .success(nil) : number(arguments, usage).map { $0 }
    }

    /// 1 to 9 ASCII digits, so the value fits any Int without overflow.
    static func decimal(_ text: String) -> Int? {
        guard (1...9).contains(text.utf8.count), text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return Int(text)
    }
}
