import MailCore
import Testing
@testable import SMTPProtocol

@Suite struct ClientReplyParserTests {
    static func parse(_ text: String) throws(SMTPReplyParser.Failure) -> [SMTPReply] {
        var parser = SMTPReplyParser()
        parser.append(Array(text.utf8))
        var replies: [SMTPReply] = []
        while let reply = try parser.next() { replies.append(reply) }
        return replies
    }

    @Test func multiLineReplyWithEnhancedCodes() throws {
        let replies = try Self.parse("250-2.1.0 first\r\n250-2.1.0 second\r\n250 2.1.0 last\r\n")
        #expect(replies == [SMTPReply(250, EnhancedStatusCode(2, 1, 0), lines: ["first", "second", "last"])])
    }

    @Test func replyWithoutEnhancedCodeOrText() throws {
        #expect(try Self.parse("354 End data\r\n220\r\n") == [SMTPReply(354, nil, "End data"), SMTPReply(220, nil, "")])
    }

    @Test func enhancedCodeOfAnotherClassStaysText() throws {
        #expect(try Self.parse("550 2.0.0 odd\r\n") == [SMTPReply(550, nil, "2.0.0 odd")])
    }

    @Test func incompleteReplyWaitsForMore() throws {
        var parser = SMTPReplyParser()
        parser.append(Array("250-one\r\n250 tw".utf8))
        #expect(try parser.next() == nil)
        parser.append(Array("o\r\n".utf8))
        #expect(try parser.next() == SMTPReply(250, nil, lines: ["one", "two"]))
    }

    @Test(arguments: [
        ("250 ok\n", SMTPReplyParser.Failure.bareNewline),
        ("250 o\rk\r\n", .bareNewline),
        ("hello\r\n", .malformedLine),
        ("650 no\r\n", .malformedLine),
        ("250xok\r\n", .malformedLine),
        ("250-one\r\n251 two\r\n", .inconsistentCode),
        ("250 " + String(repeating: "x", count: 600) + "\r\n", .lineTooLong),
        ("250 " + String(repeating: "x", count: 600), .lineTooLong),
        (String(repeating: "250-x\r\n", count: 101) + "250 x\r\n", .tooManyLines),
    ])
    func malformedInputFails(input: String, failure: SMTPReplyParser.Failure) {
        #expect(throws: failure) { try Self.parse(input) }
    }

    /// 512 octets with the CRLF (RFC 5321 §4.5.3.1.5).
    @Test func longestLegalLineIsAccepted() throws {
        let text = String(repeating: "x", count: 506)
        #expect(try Self.parse("250 \(text)\r\n") == [SMTPReply(250, nil, text)])
    }

    @Test func ehloKeywordsAreRead() throws {
        let reply = try #require(try Self.parse(ClientConversation.ehloReply(
            ["pipelining", "SIZE 10240000", "8BITMIME", "SMTPUTF8", "CHUNKING", "DSN", "STARTTLS",
             "AUTH PLAIN login", "ENHANCEDSTATUSCODES"])).first)
        let extensions = SMTPServerExtensions(ehloReply: reply)
        #expect(extensions.pipelining && extensions.eightBitMIME && extensions.smtpUTF8 && extensions.chunking)
        #expect(extensions.dsn && extensions.startTLS)
        #expect(extensions.size == 10_240_000)
        #expect(extensions.authMechanisms == ["PLAIN", "LOGIN"])
    }

    @Test func dotStuffingAndEndMark() {
        let body = Array(".hidden\r\n..two\r\nbare\nlast".utf8)
        #expect(String(decoding: SMTPBodyEncoder.dotStuffed(body), as: UTF8.self)
            == "..hidden\r\n...two\r\nbare\r\nlast\r\n.\r\n")
    }
}
