import MailCore
import Testing
@testable import SMTPProtocol

@Suite struct SMTPServerSessionTests {
    @Test func greetingAndFullTransaction() {
        var d = SessionDriver()
        #expect(d.replies.first?.code == 220)
        d.send("EHLO client.test\r\nMAIL FROM:<a@client.test>\r\nRCPT TO:<bob@example.test>\r\nDATA\r\n")
        #expect(d.codes == [220, 250, 250, 250, 354])
        d.send("Subject: hi\r\n\r\nbody\r\n..dot\r\n.\r\nQUIT\r\n")
        #expect(d.delivered.count == 1)
        #expect(String(decoding: d.delivered[0].1, as: UTF8.self) == "Subject: hi\r\n\r\nbody\r\n.dot\r\n")
        #expect(d.delivered[0].0.recipients.map(\.address.description) == ["bob@example.test"])
        #expect(d.codes.suffix(2) == [250, 221])
        #expect(d.closed)
        #expect(d.session.statistics.summary == "ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5")
    }

    @Test func ehloAdvertisesExtensions() {
        var d = SessionDriver()
        d.send("EHLO c\r\n")
        let lines = d.replies[1].lines
        for keyword in ["PIPELINING", "SIZE 10240000", "ENHANCEDSTATUSCODES", "8BITMIME", "DSN", "SMTPUTF8", "CHUNKING"] {
            #expect(lines.contains(keyword))
        }
        #expect(!lines.contains("VRFY"))
        let wire = String(decoding: d.replies[1].encoded(), as: UTF8.self)
        #expect(wire.hasPrefix("250-mx.example.test\r\n250-PIPELINING\r\n"))
        #expect(wire.hasSuffix("250 CHUNKING\r\n"))
    }

    /// RFC 5321 §4.1.4: commands out of order get 503 5.5.1.
    @Test(arguments: [
        ("MAIL FROM:<a@b>\r\n", 503),
        ("RCPT TO:<a@b>\r\n", 503),
        ("DATA\r\n", 503),
        ("BDAT 0 LAST\r\n", 503),
    ])
    func sequencingBeforeHello(line: String, code: Int) {
        var d = SessionDriver()
        d.send(line)
        #expect(d.lastCode == code)
        #expect(d.replies.last?.enhancedCode == EnhancedStatusCode(5, 5, 1))
    }

    @Test func rcptBeforeMailAndDataBeforeRcpt() {
        var d = SessionDriver()
        d.send("EHLO c\r\nRCPT TO:<a@b>\r\nMAIL FROM:<>\r\nDATA\r\nMAIL FROM:<x@y>\r\n")
        #expect(d.codes == [220, 250, 503, 250, 554, 503])
    }

    @Test func pipelinedBatchAnswersInOrder() {
        var d = SessionDriver()
        d.rejectRecipient = { $0.localPart == "nobody" ? SMTPReply(550, .init(5, 1, 1), "User unknown") : nil }
        d.send("EHLO c\r\nMAIL FROM:<a@c>\r\nRCPT TO:<nobody@example.test>\r\nRCPT TO:<bob@example.test>\r\nDATA\r\nhello\r\n.\r\n")
        #expect(d.codes == [220, 250, 250, 550, 250, 354, 250])
        #expect(d.delivered.first?.0.recipients.count == 1)
    }

    @Test func rsetClearsTransaction() {
        var d = SessionDriver()
        d.send("EHLO c\r\nMAIL FROM:<a@c>\r\nRSET\r\nRCPT TO:<b@example.test>\r\n")
        #expect(d.codes == [220, 250, 250, 250, 503])
        #expect(d.aborted == 1)
    }

    @Test func vrfyDisabledAnswers252() {
        var d = SessionDriver()
        d.send("VRFY bob\r\n")
        #expect(d.lastCode == 252)
    }

    @Test func vrfyEnabledLooksUp() {
        var d = SessionDriver { $0.vrfyEnabled = true }
        d.send("VRFY bob\r\n")
        #expect(d.lastCode == 250)
    }

    @Test func declaredSizeOverLimit() {
        var d = SessionDriver { $0.maximumMessageSize = 1000 }
        d.send("EHLO c\r\nMAIL FROM:<a@c> SIZE=1001\r\n")
        #expect(d.replies.last == .sizeDeclaredTooBig)
    }

    @Test func messageOverLimitRefusedAfterEnd() {
        var d = SessionDriver { $0.maximumMessageSize = 100 }
        d.send("EHLO c\r\nMAIL FROM:<a@c>\r\nRCPT TO:<b@example.test>\r\nDATA\r\n")
        d.send(String(repeating: "0123456789\r\n", count: 20) + ".\r\nNOOP\r\n")
        #expect(d.replies.suffix(2).map(\.code) == [552, 250])
        #expect(d.delivered.isEmpty)
    }

    @Test func recipientLimit() {
        var d = SessionDriver { $0.maximumRecipients = 2 }
        d.send("EHLO c\r\nMAIL FROM:<a@c>\r\nRCPT TO:<a@e>\r\nRCPT TO:<b@e>\r\nRCPT TO:<c@e>\r\n")
        #expect(d.replies.last == .tooManyRecipients)
    }

    @Test func hardErrorLimitCloses() {
        var d = SessionDriver { $0.hardErrorLimit = 3 }
        d.send("FOO\r\nBAR\r\nBAZ\r\nNOOP\r\n")
        #expect(d.codes == [220, 500, 500, 500, 421])
        #expect(d.closed)
    }

    @Test func commandLineTooLongGetsOneReply() {
        var d = SessionDriver()
        d.send("NOOP " + String(repeating: "x", count: 5000))
        d.send(String(repeating: "y", count: 5000) + "\r\nNOOP\r\n")
        #expect(d.codes == [220, 500, 250])
    }

    @Test func plainCommandOver512Refused() {
        var d = SessionDriver()
        d.send("EHLO " + String(repeating: "h", count: 600) + "\r\n")
        #expect(d.replies.last == .commandLineTooLong)
    }

    @Test func mailWithLongParametersAllowedPast512() {
        var d = SessionDriver()
        d.send("EHLO c\r\nMAIL FROM:<a@c> ENVID=" + String(repeating: "e", count: 90) + " AUTH=<>" + String(repeating: " SMTPUTF8", count: 50) + "\r\n")
        #expect(d.lastCode == 250)
    }

    @Test func bareLineFeedInCommandRefused() {
        var d = SessionDriver()
        d.send("EHLO c\nNOOP\r\n")
        #expect(d.codes == [220, 500, 250])
    }

    @Test func nonASCIIAddressNeedsSMTPUTF8() {
        var d = SessionDriver()
        d.send("EHLO c\r\nMAIL FROM:<jöran@c.test>\r\nMAIL FROM:<jöran@c.test> SMTPUTF8\r\nRCPT TO:<用户@例子.test>\r\n")
        #expect(d.codes == [220, 250, 553, 250, 250])
        #expect(d.session.transaction?.protocolName == "UTF8SMTP")
    }

    @Test func bdatChunksAndLast() {
        var d = SessionDriver()
        d.send("EHLO c\r\nMAIL FROM:<a@c>\r\nRCPT TO:<b@example.test>\r\nBDAT 5\r\nHelloBDAT 9 LAST\r\n, World\r\n")
        #expect(d.codes == [220, 250, 250, 250, 250, 250])
        #expect(d.delivered.first.map { String(decoding: $0.1, as: UTF8.self) } == "Hello, World\r\n")
        #expect(d.session.statistics.summary.contains("bdat=2"))
    }

    /// RFC 3030 §2: the chunk octets are consumed even when the command is refused.
    @Test func refusedBDATStillConsumesItsChunk() {
        var d = SessionDriver()
        d.send("EHLO c\r\nBDAT 6 LAST\r\nQUIT\r\nNOOP\r\n")
        #expect(d.codes == [220, 250, 503, 250])
        #expect(!d.closed)
    }

    @Test func bdatOverSizeRefusedAtLast() {
        var d = SessionDriver { $0.maximumMessageSize = 10 }
        d.send("EHLO c\r\nMAIL FROM:<a@c>\r\nRCPT TO:<b@example.test>\r\nBDAT 8\r\n12345678BDAT 8 LAST\r\n12345678NOOP\r\n")
        #expect(d.codes == [220, 250, 250, 250, 250, 552, 250])
        #expect(d.delivered.isEmpty)
    }

    @Test func timeoutClosesWith421() {
        var d = SessionDriver()
        d.run(d.session.handle(.timedOut))
        #expect(d.replies.last?.code == 421)
        #expect(d.replies.last?.enhancedCode == EnhancedStatusCode(4, 4, 2))
        #expect(d.closed)
    }

    @Test func dripFedSessionGivesSameResult() {
        let script = "EHLO c\r\nMAIL FROM:<a@c>\r\nRCPT TO:<b@example.test>\r\nDATA\r\nline\r\n..x\r\n.\r\nQUIT\r\n"
        var whole = SessionDriver()
        whole.send(script)
        var drip = SessionDriver()
        for byte in script.utf8 { drip.send(bytes: [byte]) }
        #expect(whole.codes == drip.codes)
        #expect(whole.delivered.map(\.1) == drip.delivered.map(\.1))
    }

    @Test func heloSessionRefusesESMTPParameters() {
        var d = SessionDriver()
        d.send("HELO c\r\nMAIL FROM:<a@c> SIZE=10\r\nMAIL FROM:<a@c>\r\n")
        #expect(d.codes == [220, 250, 555, 250])
        #expect(d.session.transaction?.protocolName == "SMTP")
    }
}
