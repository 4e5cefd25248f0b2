import Testing
@testable import carrier

@Suite struct SendmailOptionsTests {
    @Test func commonInvocations() throws {
        let mailx = try SendmailOptions.parse(["-i", "--", "root@localhost"])
        #expect(mailx.ignoreDots && mailx.recipients == ["root@localhost"] && mailx.mode == .deliver)
        let cron = try SendmailOptions.parse(["-FCronDaemon", "-i", "-B8BITMIME", "-oem", "root"])
        #expect(cron.fullName == "CronDaemon" && cron.recipients == ["root"])
        #expect(cron.ignored == ["-B", "-oem"])
        let php = try SendmailOptions.parse(["-t", "-i", "-f", "app@example.test"])
        #expect(php.extractRecipients && php.sender == "app@example.test")
        #expect(try SendmailOptions.parse(["-fbounce@x", "-oi", "a", "b"]).sender == "bounce@x")
        #expect(try SendmailOptions.parse(["-bs"]).mode == .smtpSession)
        #expect(try SendmailOptions.parse(["-bp"]).mode == .listQueue)
        #expect(try SendmailOptions.parse(["-q"]).mode == .flushQueue)
        #expect(try SendmailOptions.parse(["-C", "/etc/x.cf", "a"]).configFile == "/etc/x.cf")
    }

    @Test(arguments: [["-f"], ["-bz"], ["-Z"]])
    func refused(arguments: [String]) {
        #expect(throws: SendmailOptions.UsageError.self) { try SendmailOptions.parse(arguments) }
    }

    @Test func dotEndsInputUnlessIgnored() {
        let input = Array("Subject: x\n\nline\n.\nmore\n".utf8)
        #expect(String(decoding: SendmailInput.message(input, ignoreDots: false), as: UTF8.self) == "Subject: x\r\n\r\nline\r\n")
        #expect(String(decoding: SendmailInput.message(input, ignoreDots: true), as: UTF8.self)
                == "Subject: x\r\n\r\nline\r\n.\r\nmore\r\n")
        #expect(SendmailInput.message(Array("a\r\nb".utf8), ignoreDots: true) == Array("a\r\nb\r\n".utf8))
    }

    /// RFC 5322 §3.6.3: Bcc recipients get the message, the Bcc field is removed.
    @Test func extractionRemovesBcc() {
        let message = Array("To: A <a@x>, b@x\r\nCc: c@x\r\nBcc: secret@x,\r\n  other@x\r\nSubject: s\r\n\r\nbody\r\n".utf8)
        let (recipients, kept) = RecipientExtraction.extract(message)
        #expect(recipients == ["a@x", "b@x", "c@x", "secret@x", "other@x"])
        #expect(String(decoding: kept, as: UTF8.self) == "To: A <a@x>, b@x\r\nCc: c@x\r\nSubject: s\r\n\r\nbody\r\n")
    }

    @Test func multiCallNames() {
        #expect(MultiCallName.arguments(programPath: "/usr/sbin/sendmail", arguments: ["-t"]) == ["sendmail", "-t"])
        #expect(MultiCallName.arguments(programPath: "mailq", arguments: []) == ["mailq"])
        #expect(MultiCallName.arguments(programPath: "/usr/bin/mailx", arguments: ["-s", "x"]) == ["mail", "-s", "x"])
        #expect(MultiCallName.arguments(programPath: ".build/debug/carrier", arguments: ["serve"]) == ["serve"])
    }

    @Test func mailqFormat() {
        #expect(QueueListing.format([]) == "Mail queue is empty\n")
        let item = QueueListing.Item(queueID: "18A2B3C4D5E6F7000042", size: 1234, arrival: 1_795_945_278, sender: "root@vm",
                                     recipients: [("bob@remote.test", "outbound delivery is not enabled"), ("carol@remote.test", "outbound delivery is not enabled")])
        let text = QueueListing.format([item])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("-Queue ID-"))
        #expect(lines[1] == "18A2B3C4D5E6F7000042      1234 Sun Nov 29 09:41:18  root@vm")
        #expect(lines[3] == String(repeating: " ", count: 51) + "bob@remote.test")
        #expect(lines[2] == "(outbound delivery is not enabled)")
        #expect(lines[3].hasSuffix(" bob@remote.test") && lines[4].hasSuffix(" carol@remote.test"))
        #expect(text.hasSuffix("-- 2 Kbytes in 1 Request.\n"))
    }
}
