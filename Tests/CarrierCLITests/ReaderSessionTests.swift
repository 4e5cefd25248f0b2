import Testing
@testable import carrier

@Suite struct ReaderSessionTests {
    func session(_ mbox: String = MailFixtures.twoMessageMbox) -> ReaderSession {
        ReaderSession(label: "/var/mail/carol", messages: MailFixtures.messages(mbox))
    }

    func shown(_ step: ReaderStep) -> String {
        guard case .show(let bytes) = step else { return "not shown: \(step)" }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func openingPrintsGreetingMailboxAndSummary() {
        let lines = session().opening(width: 80).split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("Mail version ") && lines[0].hasSuffix("Type ? for help."))
        #expect(lines[1] == "\"/var/mail/carol\": 2 messages 1 new 2 unread")
        #expect(lines[2].hasPrefix(">N  1 alice@example.tes  Sun"))
        #expect(lines[3].hasPrefix(" U  2 bob@example.test   Mon"))
    }

    @Test func printShowsTheMessageWithoutStatusAndMarksItRead() {
        var reader = session()
        let text = shown(reader.perform(.print(MessageList(items: [.number(2)])), width: 80))
        #expect(text == "Message 2:\nFrom bob@example.test  Mon Nov 30 10:00:00 2026\nFrom: bob@example.test\nSubject: =?utf-8?q?caf=C3=A9?=\n\nSecond.\n\n")
        #expect(reader.states[1].readNow)
        #expect(reader.dot == 1)
        #expect(shown(reader.perform(.print(MessageList(items: [.number(1)])), width: 80)).contains("\nFrom the kitchen.\n"))
    }

    @Test func nextShowsTheCurrentMessageFirstThenAdvances() {
        var reader = session()
        #expect(shown(reader.perform(.next, width: 80)).hasPrefix("Message 1:\n"))
        #expect(shown(reader.perform(.next, width: 80)).hasPrefix("Message 2:\n"))
        #expect(shown(reader.perform(.next, width: 80)) == "At EOF\n")
    }

    @Test func deleteMovesToTheNextMessageAndUndeleteRestores() {
        var reader = session()
        #expect(shown(reader.perform(.delete(MessageList()), width: 80)) == "")
        #expect(reader.states[0].deleted && reader.dot == 1)
        #expect(shown(reader.perform(.next, width: 80)).hasPrefix("Message 2:\n"))
        #expect(shown(reader.perform(.print(MessageList(items: [.number(1)])), width: 80)) == "1: Inappropriate message\n")
        #expect(!shown(reader.perform(.headers, width: 80)).contains("alice"))
        _ = reader.perform(.undelete(MessageList()), width: 80)
        #expect(!reader.states[0].deleted && reader.dot == 0)
    }

    @Test func dispositionsKeepReadStateAndDropDeleted() {
        var reader = session()
        _ = reader.perform(.print(MessageList(items: [.number(1)])), width: 80)
        _ = reader.perform(.delete(MessageList(items: [.number(2)])), width: 80)
        #expect(reader.dispositions == [.keep(read: true), .delete])
        #expect(session().dispositions == [.keep(read: false), .keep(read: false)])
    }

    @Test func saveReplyQuitAndExitAreForTheReader() {
        var reader = session()
        #expect(reader.perform(.save(MessageList(items: [.all]), file: "f"), width: 80) == .save([0, 1], file: "f"))
        reader.markSaved([0, 1])
        #expect(reader.states.allSatisfy { $0.saved })
        #expect(reader.perform(.reply(MessageList(items: [.number(2)])), width: 80) == .reply(1))
        #expect(shown(reader.perform(.reply(MessageList(items: [.all])), width: 80)) == "Reply to one message at a time\n")
        #expect(reader.perform(.quit, width: 80) == .quit)
        #expect(reader.perform(.exit, width: 80) == .exit)
        #expect(shown(reader.perform(.help, width: 80)).contains("s [list] FILE"))
    }

    @Test func opensOnTheFirstNewMessage() {
        let mbox = "From a@b  Sun Nov 29 09:41:18 2026\nStatus: RO\n\nx\n\nFrom a@b  Sun Nov 29 09:42:18 2026\n\ny\n\n"
        #expect(session(mbox).dot == 1)
    }

    @Test func replyDraftAnswersTheSender() throws {
        let message = MailFixtures.messages(MailFixtures.twoMessageMbox)[0]
        let me = try #require(AddressArguments.parse(["carol"], myorigin: "example.test").first)
        let reply = try ReplyDraft.make(replyingTo: message, from: me, myorigin: "example.test")
        #expect(reply.to.map(\.addressString) == ["alice@example.test"])
        #expect(reply.subject == "Re: Lunch on Friday")
        #expect(reply.inReplyTo == "<lunch@example.test>")
        #expect(reply.references == ["<lunch@example.test>"])
        #expect(reply.from.addressString == "carol@example.test")
        let again = try ReplyDraft.make(replyingTo: MailFixtures.messages(
            "From x@y  Sun Nov 29 09:41:18 2026\nReply-To: list@example.test\nSubject: RE: topic\n\nz\n\n")[0], from: me, myorigin: "example.test")
        #expect(again.to.map(\.addressString) == ["list@example.test"])
        #expect(again.subject == "RE: topic")
    }
}
