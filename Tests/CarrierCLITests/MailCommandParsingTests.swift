import Testing
@testable import carrier

@Suite struct MailCommandParsingTests {
    @Test func sendOptionsAndRecipients() throws {
        let command = try #require(try CarrierCommand.parseAsRoot([
            "mail", "-s", "Hello", "-c", "c@example.test", "-b", "b@example.test", "-r", "me@example.test",
            "-a", "one.pdf", "-a", "two.png", "alice@example.test", "bob",
        ]) as? MailCommand)
        #expect(command.isSending)
        #expect(command.subject == "Hello")
        #expect(command.cc == ["c@example.test"] && command.bcc == ["b@example.test"])
        #expect(command.from == "me@example.test")
        #expect(command.attachments == ["one.pdf", "two.png"])
        #expect(command.arguments == ["alice@example.test", "bob"])
    }

    @Test func fileFlagTakesTheFirstArgumentAsTheMbox() throws {
        let command = try #require(try CarrierCommand.parseAsRoot(["mail", "-H", "-f", "saved.mbox"]) as? MailCommand)
        #expect(!command.isSending)
        #expect(command.readFile && command.summaryOnly)
        #expect(command.arguments == ["saved.mbox"])
    }

    @Test func noRecipientsReads() throws {
        let command = try #require(try CarrierCommand.parseAsRoot(["mail", "-u", "alice"]) as? MailCommand)
        #expect(!command.isSending)
        #expect(command.user == "alice")
    }

    @Test(arguments: [
        ["mail", "-s", "subject without recipients"],
        ["mail", "-a", "file.pdf"],
        ["mail", "-f", "one", "two"],
        ["mail", "-u", "alice", "bob@example.test"],
        ["mail", "-H", "bob@example.test"],
    ])
    func inconsistentOptionsAreUsageErrors(arguments: [String]) {
        #expect(throws: (any Error).self) { try CarrierCommand.parseAsRoot(arguments) }
    }
}
