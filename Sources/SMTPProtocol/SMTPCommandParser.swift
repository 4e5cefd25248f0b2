import MailCore

/// Parses one complete SMTP command line (without its CRLF) into an `SMTPCommand`
/// (RFC 5321 §4.1.1). Errors carry the reply the server sends.
public enum SMTPCommandParser {
    public static func parse(_ line: ArraySlice<UInt8>) -> Result<SMTPCommand, SMTPReply> {
        if line.contains(0) { return .failure(.nulInCommand) }
        let verbEnd = line.firstIndex(of: UInt8(ascii: " ")) ?? line.endIndex
        let verb = String(decoding: line[line.startIndex..<verbEnd], as: UTF8.self).uppercased()
        var argument = line[verbEnd...]
        if argument.first == UInt8(ascii: " ") { argument = argument.dropFirst() }
        let text = trimmed(String(decoding: argument, as: UTF8.self))

        switch verb {
        case "EHLO", "HELO":
            guard !text.isEmpty else { return .failure(.syntax("Syntax: \(verb) hostname")) }
            return .success(verb == "EHLO" ? .ehlo(text) : .helo(text))
        case "MAIL":
            return parseMail(argument)
        case "RCPT":
            return parseRcpt(argument)
        case "DATA":
            return text.isEmpty ? .success(.data) : .failure(.syntax("Syntax: DATA"))
        case "BDAT":
            return parseBDAT(text)
        case "RSET":
            return text.isEmpty ? .success(.rset) : .failure(.syntax("Syntax: RSET"))
        case "NOOP":
            return .success(.noop)
        case "QUIT":
            return text.isEmpty ? .success(.quit) : .failure(.syntax("Syntax: QUIT"))
        case "VRFY":
            return text.isEmpty ? .failure(.syntax("Syntax: VRFY address")) : .success(.vrfy(text))
        case "EXPN":
            return text.isEmpty ? .failure(.syntax("Syntax: EXPN address")) : .success(.expn(text))
        case "HELP":
            return .success(.help(text))
        case "STARTTLS":
            return text.isEmpty ? .success(.startTLS) : .failure(.syntax("Syntax: STARTTLS"))
        case "AUTH":
            let parts = text.split(separator: " ", omittingEmptySubsequences: true)
            guard (1...2).contains(parts.count) else { return .failure(.syntax("Syntax: AUTH mechanism [initial-response]")) }
            return .success(.auth(mechanism: parts[0].uppercased(), initialResponse: parts.count == 2 ? String(parts[1]) : nil))
        default:
            return .failure(.commandUnrecognized)
        }
    }

    static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while t.first == " " || t.first == "\t" { t = t.dropFirst() }
        while t.last == " " || t.last == "\t" { t = t.dropLast() }
        return String(t)
    }

    /// Checks for `keyword:` case-insensitively and returns what follows it.
    static func afterKeyword(_ keyword: String, _ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let k = Array(keyword.utf8)
        guard bytes.count >= k.count else { return nil }
        for (offset, expected) in k.enumerated() {
            let b = bytes[bytes.startIndex + offset]
            let lower = (b >= 65 && b <= 90) ? b + 32 : b
            if lower != expected { return nil }
        }
        return bytes.dropFirst(k.count)
    }

    static func parseMail(_ argument: ArraySlice<UInt8>) -> Result<SMTPCommand, SMTPReply> {
        guard let rest = afterKeyword("from:", argument) else {
            return .failure(.syntax("Syntax: MAIL FROM:<address>"))
        }
        do {
            let (address, end) = try SMTPPathParser.parse(rest, allowNull: true)
            let params = try ESMTPParameterParser.mailParameters(rest[end...])
            return .success(.mail(address, params))
        } catch let failure as SMTPPathParser.Failure {
            return .failure(pathFailure(failure, sender: true))
        } catch {
            return .failure(error as? SMTPReply ?? .syntax("Syntax error in parameters"))
        }
    }

    static func parseRcpt(_ argument: ArraySlice<UInt8>) -> Result<SMTPCommand, SMTPReply> {
        guard let rest = afterKeyword("to:", argument) else {
            return .failure(.syntax("Syntax: RCPT TO:<address>"))
        }
        do {
            let (address, end) = try SMTPPathParser.parse(rest, allowNull: false)
            let params = try ESMTPParameterParser.rcptParameters(rest[end...])
            guard let address else { return .failure(pathFailure(.syntax("empty address"), sender: false)) }
            return .success(.rcpt(address, params))
        } catch let failure as SMTPPathParser.Failure {
            return .failure(pathFailure(failure, sender: false))
        } catch {
            return .failure(error as? SMTPReply ?? .syntax("Syntax error in parameters"))
        }
    }

    static func pathFailure(_ failure: SMTPPathParser.Failure, sender: Bool) -> SMTPReply {
        let detail = sender ? EnhancedStatusCode(5, 1, 7) : EnhancedStatusCode(5, 1, 3)
        let what = sender ? "sender" : "recipient"
        switch failure {
        case .syntax(let why):
            return SMTPReply(501, detail, "Bad \(what) address syntax (\(why))")
        case .tooLong:
            return SMTPReply(501, detail, "Bad \(what) address syntax (path longer than 256 octets)")
        }
    }

    static func parseBDAT(_ text: String) -> Result<SMTPCommand, SMTPReply> {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard (1...2).contains(parts.count), parts[0].count <= 18, parts[0].allSatisfy(\.isASCII),
              let size = Int(parts[0]), size >= 0 else {
            return .failure(.syntax("Syntax: BDAT chunk-size [LAST]"))
        }
        if parts.count == 2 {
            guard parts[1].uppercased() == "LAST" else { return .failure(.syntax("Syntax: BDAT chunk-size [LAST]")) }
            return .success(.bdat(size: size, last: true))
        }
        return .success(.bdat(size: size, last: false))
    }
}
