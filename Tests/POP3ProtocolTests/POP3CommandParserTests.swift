import Testing
@testable import POP3Protocol

@Suite struct POP3CommandParserTests {
    func parse(_ line: String) -> Result<POP3Command, POP3Response> { POP3CommandParser.parse(Array(line.utf8)) }

    /// RFC 1939 §9's command summary, RFC 2449 CAPA, RFC 2595 STLS, RFC 5034 AUTH, RFC 6856 UTF8.
    @Test(arguments: [
        ("USER alice@example.test", POP3Command.user("alice@example.test")),
        ("PASS secret", .pass("secret")),
        ("APOP mrose c4c9334bac560ecc979e58001b3e22fb", .apop),
        ("AUTH", .auth(mechanism: nil, initialResponse: nil)),
        ("AUTH plain", .auth(mechanism: "PLAIN", initialResponse: nil)),
        ("AUTH PLAIN AGFsaWNlAHNlY3JldA==", .auth(mechanism: "PLAIN", initialResponse: "AGFsaWNlAHNlY3JldA==")),
        ("AUTH PLAIN =", .auth(mechanism: "PLAIN", initialResponse: "=")),
        ("STLS", .stls),
        ("CAPA", .capa),
        ("UTF8", .utf8),
        ("STAT", .stat),
        ("LIST", .list(nil)),
        ("LIST 2", .list(2)),
        ("RETR 1", .retr(1)),
        ("DELE 10", .dele(10)),
        ("NOOP", .noop),
        ("RSET", .rset),
        ("TOP 1 10", .top(1, lines: 10)),
        ("TOP 1 0", .top(1, lines: 0)),
        ("UIDL", .uidl(nil)),
        ("UIDL 3", .uidl(3)),
        ("QUIT", .quit),
    ])
    func commands(line: String, expected: POP3Command) {
        #expect(parse(line) == .success(expected))
    }

    /// RFC 1939 §3: keywords are case-insensitive.
    @Test(arguments: ["retr 1", "Retr 1", "rEtR 1"])
    func keywordsIgnoreCase(line: String) {
        #expect(parse(line) == .success(.retr(1)))
    }

    /// RFC 1939 §7: PASS takes the rest of the line, spaces included.
    @Test func passwordKeepsItsSpaces() {
        #expect(parse("PASS  my secret pass ") == .success(.pass(" my secret pass ")))
        #expect(parse("PASS") == .failure(.syntax("PASS password")))
        #expect(parse("PASS ") == .failure(.syntax("PASS password")))
    }

    @Test func extraSpacesBetweenArgumentsAreTolerated() {
        #expect(parse("TOP 1  0") == .success(.top(1, lines: 0)))
        #expect(parse("LIST 2 ") == .success(.list(2)))
    }

    /// RFC 6856: USER and PASS may carry UTF-8; the session decides whether it may be used.
    @Test func utf8CredentialsParseButMustBeValid() {
        #expect(parse("USER jörg") == .success(.user("jörg")))
        #expect(POP3CommandParser.parse(Array("PASS ".utf8) + [0xC3, 0x28]) == .failure(.invalidCharacters))
        #expect(parse("RETR ١") == .failure(.invalidCharacters))
    }

    @Test(arguments: [
        ("RETR", POP3Response.syntax("RETR msg")),
        ("RETR 1 2", .syntax("RETR msg")),
        ("RETR x", .invalidMessageNumber),
        ("RETR -1", .invalidMessageNumber),
        ("RETR 1234567890", .invalidMessageNumber),
        ("DELE", .syntax("DELE msg")),
        ("LIST 1 2", .syntax("LIST [msg]")),
        ("UIDL one", .invalidMessageNumber),
        ("TOP 1", .syntax("TOP msg n")),
        ("TOP 1 -1", .invalidMessageNumber),
        ("STAT 1", .syntax("STAT")),
        ("QUIT now", .syntax("QUIT")),
        ("USER", .syntax("USER name")),
        ("USER two words", .syntax("USER name")),
        ("AUTH PLAIN a b", .syntax("AUTH [mechanism [initial-response]]")),
        ("", .unknownCommand),
        ("XTND XMIT", .unknownCommand),
        ("RETRIEVE 1", .unknownCommand),
        ("USER a\u{0}b", .invalidCharacters),
        ("NOOP\t", .invalidCharacters),
    ])
    func errors(line: String, expected: POP3Response) {
        #expect(parse(line) == .failure(expected))
    }

    /// RFC 2449 §4: commands are at most 255 octets including CRLF.
    @Test func commandLengthLimit() {
        let longest = "USER " + String(repeating: "a", count: 248)
        #expect(parse(longest) == .success(.user(String(repeating: "a", count: 248))))
        #expect(parse(longest + "a") == .failure(.commandTooLong))
    }
}
