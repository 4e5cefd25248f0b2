import MailCore
import Testing
@testable import SMTPProtocol

@Suite struct SMTPCommandParserTests {
    func parse(_ s: String) -> Result<SMTPCommand, SMTPReply> { SMTPCommandParser.parse(Array(s.utf8)[...]) }

    @Test(arguments: [
        ("MAIL FROM:<a@b.test>", "a@b.test"),
        ("mail from:<a@b.test>", "a@b.test"),
        ("MAIL FROM: <a@b.test>", "a@b.test"),
        ("MAIL FROM:a@b.test", "a@b.test"),
        ("MAIL FROM:<@relay.test,@r2.test:a@b.test>", "a@b.test"),
        ("MAIL FROM:<\"john doe\"@b.test>", "\"john doe\"@b.test"),
        ("MAIL FROM:<a@[192.0.2.1]>", "a@[192.0.2.1]"),
        ("MAIL FROM:<a@b.test.>", "a@b.test."),
    ])
    func mailPaths(line: String, expected: String) throws {
        guard case .success(.mail(let address?, _)) = parse(line) else { Issue.record("no parse: \(line)"); return }
        #expect(address.description == expected)
    }

    @Test func nullReversePath() {
        guard case .success(.mail(nil, _)) = parse("MAIL FROM:<>") else { Issue.record(); return }
    }

    /// RFC 5321 §4.1.1.3: `RCPT TO:<Postmaster>` without a domain must be accepted.
    @Test func postmasterWithoutDomain() {
        guard case .success(.rcpt(let a, _)) = parse("RCPT TO:<Postmaster>") else { Issue.record(); return }
        #expect(a.localPart == "Postmaster" && a.domain.isEmpty)
    }

    @Test(arguments: [
        "MAIL FROM:<a@b", "MAIL FROM:<a..b@c>", "MAIL FROM:<.a@c>", "MAIL FROM:<a@b..c>", "MAIL FROM:<a b@c>",
        "MAIL TO:<a@b>", "MAIL FROM:<a@b>x", "RCPT TO:<>", "RCPT TO:<bob>", "MAIL FROM:<a@-->junk", "MAIL FROM:<\"unterminated@b>",
    ])
    func badPathsAre501(line: String) {
        guard case .failure(let reply) = parse(line) else { Issue.record("parsed: \(line)"); return }
        #expect(reply.code == 501)
    }

    @Test func pathLongerThan256Refused() {
        let line = "RCPT TO:<" + String(repeating: "a", count: 64) + "@" + Array(repeating: "abcdefghij", count: 20).joined(separator: ".") + ">"
        guard case .failure(let reply) = parse(line) else { Issue.record(); return }
        #expect(reply.code == 501)
    }

    @Test func mailParameters() throws {
        guard case .success(.mail(_, let p)) = parse("MAIL FROM:<a@b> SIZE=1234 BODY=8BITMIME SMTPUTF8 RET=HDRS ENVID=QQ314159 AUTH=<>") else {
            Issue.record(); return
        }
        #expect(p.size == 1234)
        #expect(p.body == .eightBitMIME)
        #expect(p.smtpUTF8)
        #expect(p.dsnReturn == .headers)
        #expect(p.envelopeID == "QQ314159")
        #expect(p.auth == "<>")
    }

    @Test func rcptDSNParameters() {
        guard case .success(.rcpt(_, let p)) = parse("RCPT TO:<a@b> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;a@b") else {
            Issue.record(); return
        }
        #expect(p.notify == [.success, .failure])
        #expect(p.originalRecipient == "rfc822;a@b")
    }

    @Test(arguments: ["MAIL FROM:<a@b> FOO=bar", "MAIL FROM:<a@b> BODY=BINARYMIME", "RCPT TO:<a@b> XYZ"])
    func unknownParameters555(line: String) {
        guard case .failure(let reply) = parse(line) else { Issue.record(); return }
        #expect(reply.code == 555)
    }

    @Test(arguments: ["RCPT TO:<a@b> NOTIFY=NEVER,SUCCESS", "MAIL FROM:<a@b> SIZE=abc", "MAIL FROM:<a@b> SIZE=-1"])
    func badParameterValues501(line: String) {
        guard case .failure(let reply) = parse(line) else { Issue.record(); return }
        #expect(reply.code == 501)
    }

    @Test func bdat() throws {
        #expect(try parse("BDAT 100 LAST").get() == .bdat(size: 100, last: true))
        #expect(try parse("bdat 0").get() == .bdat(size: 0, last: false))
        guard case .failure = parse("BDAT x") else { Issue.record(); return }
        guard case .failure = parse("BDAT 99999999999999999999999") else { Issue.record(); return }
    }

    @Test func unknownAndNUL() {
        #expect(parse("XYZZY") == .failure(.commandUnrecognized))
        #expect(parse("NOOP\u{0}") == .failure(.nulInCommand))
        #expect(parse("HELO") == .failure(.syntax("Syntax: HELO hostname")))
    }

    @Test func replyEncodingMultiline() {
        let r = SMTPReply(250, nil, lines: ["a", "b"])
        #expect(String(decoding: r.encoded(), as: UTF8.self) == "250-a\r\n250 b\r\n")
        let e = SMTPReply(550, .init(5, 1, 1), "no\r\nsuch")
        #expect(String(decoding: e.encoded(), as: UTF8.self) == "550 5.1.1 no  such\r\n")
    }
}
