import Testing
@testable import carrier

@Suite struct HeaderSummaryTests {
    let messages = MailFixtures.messages(MailFixtures.twoMessageMbox)

    @Test func linesFollowBsdMailx() {
        let first = HeaderSummary.line(number: 1, message: messages[0], state: MessageState(), isCurrent: true, width: 80)
        #expect(first == ">N  1 alice@example.tes  Sun Nov 29 09:41    9/195   Lunch on Friday\n")
        let second = HeaderSummary.line(number: 2, message: messages[1], state: MessageState(), isCurrent: false, width: 80)
        #expect(second == " U  2 bob@example.test   Mon Nov 30 10:00    7/122   café\n")
    }

    @Test func statusLetters() {
        let new = messages[0], old = messages[1]
        #expect(MessageState().letter(for: new) == "N")
        #expect(MessageState().letter(for: old) == "U")
        #expect(MessageState(readNow: true).letter(for: new) == "R")
        #expect(MessageState(saved: true).letter(for: new) == "*")
        let read = MailFixtures.messages("From a@b  Sun Nov 29 09:41:18 2026\nStatus: RO\n\nx\n\n")[0]
        #expect(MessageState().letter(for: read) == "O")
    }

    @Test func longLinesAreCutToTheWidth() {
        let long = MailFixtures.messages("From a@b  Sun Nov 29 09:41:18 2026\nSubject: \(String(repeating: "word ", count: 40))\n\nx\n\n")[0]
        let line = HeaderSummary.line(number: 1, message: long, state: MessageState(), isCurrent: false, width: 80)
        #expect(line.count == 81)
        #expect(HeaderSummary.line(number: 1, message: long, state: MessageState(), isCurrent: false, width: 60).count == 61)
    }

    @Test func controlCharactersAreNotSentToTheTerminal() {
        let hostile = MailFixtures.messages("From a@b  Sun Nov 29 09:41:18 2026\nSubject: =?utf-8?q?evil=1B[2J?=\n\nx\n\n")[0]
        let line = HeaderSummary.line(number: 1, message: hostile, state: MessageState(), isCurrent: false, width: 80)
        #expect(!line.unicodeScalars.contains("\u{1B}"))
        #expect(line.hasSuffix("evil?[2J\n"))
    }

    @Test func mailboxLineCountsNewAndUnread() {
        #expect(HeaderSummary.mailboxLine(label: "/var/mail/carol", messages: messages, states: [MessageState(), MessageState()])
            == "\"/var/mail/carol\": 2 messages 1 new 2 unread\n")
        #expect(HeaderSummary.mailboxLine(label: "x", messages: [messages[0]], states: [MessageState(readNow: true)])
            == "\"x\": 1 message\n")
    }

    @Test func senderFallsBackToTheEnvelope() {
        let bare = MailFixtures.messages("From daemon@example.test  Sun Nov 29 09:41:18 2026\nSubject: s\n\nx\n\n")[0]
        #expect(HeaderSummary.sender(of: bare) == "daemon@example.test")
    }
}
