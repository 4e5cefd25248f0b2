import Testing
@testable import IMAPProtocol

/// Every malformed command is a typed error with a message for `BAD`.
@Suite struct IMAPParseErrorTests {
    typealias P = ParserDriver

    @Test func missingTag() {
        let error = P.error("")
        #expect(error?.kind == .missingTag && error?.tag == nil)
        #expect(P.error("+tag NOOP")?.kind == .missingTag)
        #expect(P.error("ta\"g NOOP")?.kind == .missingTag)
    }

    @Test func missingCommand() {
        #expect(P.error("a1")?.tag == "a1")
        #expect(P.error("a1 ")?.message == "Missing command")
    }

    @Test func unknownCommandIsBADWithTheTag() {
        let error = P.error("a1 FROBNICATE x")
        #expect(error == IMAPParseError(.unknownCommand, "Unknown command FROBNICATE", tag: "a1"))
        #expect(P.error("a1 UID FROB 1")?.kind == .unknownCommand)
        #expect(P.error("a1 UID EXPUNGE")?.kind == .syntax)
    }

    @Test func syntaxErrorsNameTheCommand() {
        #expect(P.error("a1 LOGIN")?.message == "Error in IMAP command LOGIN: Expected a space")
        #expect(P.error("a1 SELECT")?.tag == "a1")
    }

    @Test(arguments: [
        "a NOOP extra", "a CAPABILITY ", "a LOGIN x", "a LOGIN x y z", "a LOGIN \"x y", "a LOGIN \"\\x\" y",
        "a  NOOP", "a SELECT", "a SELECT INBOX (BOGUS)", "a SELECT INBOX (QRESYNC (0 1))", "a SELECT INBOX (QRESYNC (1 0))",
        "a SELECT INBOX (QRESYNC (1 2 1:*))", "a RENAME a", "a STATUS INBOX", "a STATUS INBOX ()", "a STATUS INBOX (BOGUS)",
        "a STORE 1 FLAGS", "a STORE 1 +FLAGZ (\\Seen)", "a STORE 1 FLAGS (\\)", "a STORE 1 (BOGUS 1) FLAGS ()",
        "a COPY 1", "a ENABLE", "a ID", "a ID (\"a\")", "a CREATE x (USE)", "a CREATE x (BOGUS (\\Sent))",
        "a SORT SUBJECT UTF-8 ALL", "a SORT (BOGUS) UTF-8 ALL", "a SORT (SUBJECT) ALL", "a THREAD BOGUS UTF-8 ALL",
        "a SETQUOTA x (STORAGE)", "a AUTHENTICATE", "a AUTHENTICATE PLAIN !!", "a COMPRESS", "a FETCH 4294967296 UID",
        "a FETCH 1:2:3 UID", "a LOGIN \"a\u{0}b\" c",
    ])
    func syntaxErrors(line: String) {
        #expect(P.error(line)?.kind == .syntax, "\(line)")
    }

    @Test func mailboxMustBeUTF8() {
        let bytes = Array("a SELECT {2+}\r\n".utf8) + [0xC3, 0x28] + Array("\r\n".utf8)
        let result = IMAPCommandParser.parse(FramerDriver.whole(bytes).commands[0])
        guard case .failure(let error) = result else { Issue.record(); return }
        #expect(error.message.contains("UTF-8"))
    }

    @Test func literal8OnlyInAppend() {
        #expect(P.error("a LOGIN ~{1+}\r\nx y")?.kind == .syntax)
        #expect(P.error("a LOGIN {3+}\r\nx\u{0}y y")?.kind == .syntax)
    }

    @Test func tooManyIDFields() {
        let pairs = (1...31).map { "\"f\($0)\" \"v\"" }.joined(separator: " ")
        #expect(P.error("a ID (\(pairs))")?.kind == .syntax)
    }
}
