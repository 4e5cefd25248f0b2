import MailCore
import Testing
@testable import SMTPProtocol

@Suite struct ClientDeliveryTests {
    typealias C = ClientConversation

    @Test func deliveryWithoutPipelining() {
        var c = C.ready(["SIZE 1000", "8BITMIME"])
        #expect(c.event(.sendMessage(C.message(["bob@remote.test", "carol@remote.test"]))).sent
            == "MAIL FROM:<alice@local.test> SIZE=22\r\n")
        #expect(c.server("250 2.1.0 Ok\r\n").sent == "RCPT TO:<bob@remote.test>\r\n")
        #expect(c.server("250 2.1.5 Ok\r\n").sent == "RCPT TO:<carol@remote.test>\r\n")
        #expect(c.server("250 2.1.5 Ok\r\n").sent == "DATA\r\n")
        #expect(c.server("354 go ahead\r\n").sent == "Subject: hi\r\n\r\nHello\r\n.\r\n")
        let actions = c.server("250 2.0.0 Ok: queued as ABC\r\n")
        #expect(actions.results.map(\.summary) == [["delivered 250", "delivered 250"]])
        #expect(actions.results.first?.messageFailure == nil)
        #expect(actions.last == .ready)
    }

    @Test func deliveryWithPipelining() {
        var c = C.ready(["PIPELINING"])
        #expect(c.event(.sendMessage(C.message(["bob@remote.test", "carol@remote.test"]))).sent
            == "MAIL FROM:<alice@local.test>\r\nRCPT TO:<bob@remote.test>\r\nRCPT TO:<carol@remote.test>\r\nDATA\r\n")
        #expect(c.server("250 Ok\r\n250 Ok\r\n").isEmpty)
        #expect(c.server("250 Ok\r\n354 go\r\n").sent == "Subject: hi\r\n\r\nHello\r\n.\r\n")
        let actions = c.server("250 Ok\r\n")
        #expect(actions.results.map(\.summary) == [["delivered 250", "delivered 250"]])
        #expect(actions.last == .ready)
    }

    @Test func pipeliningOffByConfiguration() {
        var c = C.ready(["PIPELINING"]) { $0.pipelining = false }
        #expect(c.event(.sendMessage(C.message())).sent == "MAIL FROM:<alice@local.test>\r\n")
    }

    @Test func twoMessagesOnOneConnectionThenQuit() {
        var c = C.ready(["PIPELINING"])
        for recipient in ["bob@remote.test", "carol@remote.test"] {
            #expect(c.event(.sendMessage(C.message([recipient]))).sent.hasSuffix("RCPT TO:<\(recipient)>\r\nDATA\r\n"))
            _ = c.server("250 Ok\r\n250 Ok\r\n354 go\r\n")
            let actions = c.server("250 Ok\r\n")
            #expect(actions.results.map(\.summary) == [["delivered 250"]])
            #expect(actions.last == .ready)
        }
        #expect(c.event(.quit) == [.send(Array("QUIT\r\n".utf8))])
        #expect(c.server("221 2.0.0 Bye\r\n") == [.close])
    }

    @Test func envelopeParametersFollowTheExtensions() {
        var c = C.ready(["SIZE", "8BITMIME", "SMTPUTF8", "DSN"])
        var recipient = SMTPTransaction.Recipient(address: C.address("bob@remote.test"), parameters: RcptParameters())
        recipient.parameters.notify = [.success, .failure]
        recipient.parameters.originalRecipient = "rfc822;bob@remote.test"
        let message = C.message {
            $0.recipients = [recipient]
            $0.isEightBit = true
            $0.needsSMTPUTF8 = true
            $0.dsnReturn = .headers
            $0.envelopeID = "QQ314159"
        }
        #expect(c.event(.sendMessage(message)).sent
            == "MAIL FROM:<alice@local.test> SIZE=22 BODY=8BITMIME SMTPUTF8 RET=HDRS ENVID=QQ314159\r\n")
        #expect(c.server("250 Ok\r\n").sent == "RCPT TO:<bob@remote.test> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;bob@remote.test\r\n")
    }

    @Test func dsnParametersAreLeftOutWhenNotOffered() {
        var c = C.ready([])
        let message = C.message { $0.dsnReturn = .full; $0.isEightBit = true; $0.recipients[0].parameters.notify = [.never] }
        #expect(c.event(.sendMessage(message)).sent == "MAIL FROM:<alice@local.test>\r\n")
        #expect(c.server("250 Ok\r\n").sent == "RCPT TO:<bob@remote.test>\r\n")
    }

    @Test func partialRecipientFailure() {
        var c = C.ready(["PIPELINING"])
        _ = c.event(.sendMessage(C.message(["bob@remote.test", "nobody@remote.test", "busy@remote.test"])))
        #expect(c.server("250 Ok\r\n250 Ok\r\n550 5.1.1 no such user\r\n450 4.2.0 try later\r\n354 go\r\n").sent
            == "Subject: hi\r\n\r\nHello\r\n.\r\n")
        let actions = c.server("250 Ok\r\n")
        let result = actions.results[0]
        #expect(result.summary == ["delivered 250", "bounced 550", "deferred 450"])
        guard case .failed(let failure) = result.recipients[1].outcome else { Issue.record(); return }
        #expect(failure.reason == "host said: 550 5.1.1 no such user (in reply to RCPT TO command)")
        #expect(actions.last == .ready)
    }

    @Test func allRecipientsFailedSkipsDataAndResets() {
        var c = C.ready([])
        _ = c.event(.sendMessage(C.message(["a@remote.test", "b@remote.test"])))
        _ = c.server("250 Ok\r\n")
        _ = c.server("550 5.1.1 unknown\r\n")
        let actions = c.server("450 4.2.1 later\r\n")
        #expect(actions.results.map(\.summary) == [["bounced 550", "deferred 450"]])
        #expect(actions.sent == "RSET\r\n")
        #expect(c.server("250 Ok\r\n") == [.ready])
    }

    @Test func allRecipientsFailedWithPipelinedData() {
        var c = C.ready(["PIPELINING"])
        _ = c.event(.sendMessage(C.message()))
        let actions = c.server("250 Ok\r\n550 5.1.1 unknown\r\n554 5.5.1 no valid recipients\r\n")
        #expect(actions.results.map(\.summary) == [["bounced 550"]])
        #expect(actions.sent == "RSET\r\n")
        #expect(c.server("250 Ok\r\n") == [.ready])
    }

    @Test func mailFromRejectedFailsEveryRecipient() {
        var c = C.ready(["PIPELINING"])
        _ = c.event(.sendMessage(C.message(["a@remote.test", "b@remote.test"])))
        let actions = c.server("451 4.3.0 sender check failed\r\n503 5.5.1 need MAIL\r\n503 5.5.1 need MAIL\r\n503 5.5.1 need MAIL\r\n")
        #expect(actions.results.map(\.summary) == [["deferred 451", "deferred 451"]])
        #expect(actions.results.first?.messageFailure?.reason.contains("MAIL FROM") == true)
        #expect(actions.last == .ready)
    }

    @Test func data452DefersAcceptedRecipients() {
        var c = C.ready([])
        _ = c.event(.sendMessage(C.message(["a@remote.test", "b@remote.test"])))
        _ = c.server("250 Ok\r\n")
        _ = c.server("250 Ok\r\n")
        _ = c.server("550 5.1.1 unknown\r\n")
        let actions = c.server("452 4.3.1 Insufficient system storage\r\n")
        #expect(actions.results.map(\.summary) == [["deferred 452", "bounced 550"]])
        #expect(actions.results.first?.messageFailure?.isTemporary == true)
        #expect(actions.sent == "RSET\r\n")
        #expect(c.server("250 Ok\r\n") == [.ready])
    }

    @Test func finalReplyRejectionFailsTheMessage() {
        var c = C.ready(["PIPELINING"])
        _ = c.event(.sendMessage(C.message()))
        _ = c.server("250 Ok\r\n250 Ok\r\n354 go\r\n")
        let actions = c.server("554 5.7.1 spam\r\n")
        #expect(actions.results.map(\.summary) == [["bounced 554"]])
        #expect(actions.last == .ready)
    }

    @Test func bdatWhenChunkingIsOffered() {
        var c = C.ready(["PIPELINING", "CHUNKING"])
        let body = "Subject: hi\r\n\r\n.leading dot\r\n"
        #expect(c.event(.sendMessage(C.message(body: body))).sent
            == "MAIL FROM:<alice@local.test>\r\nRCPT TO:<bob@remote.test>\r\n")
        #expect(c.server("250 Ok\r\n250 Ok\r\n").sent == "BDAT \(body.utf8.count) LAST\r\n" + body)
        let actions = c.server("250 2.0.0 Ok: queued\r\n")
        #expect(actions.results.map(\.summary) == [["delivered 250"]])
        #expect(actions.last == .ready)
    }

    @Test func messageTooBigForThePeerFailsBeforeSending() {
        var c = C.ready(["SIZE 10"])
        let actions = c.event(.sendMessage(C.message()))
        #expect(actions.sent.isEmpty)
        #expect(actions.results.map(\.summary) == [["bounced 552"]])
        #expect(actions.results.first?.messageFailure?.reply?.enhancedCode == EnhancedStatusCode(5, 3, 4))
        #expect(actions.last == .ready)
    }

    @Test func smtpUTF8NeededButNotOffered() {
        var c = C.ready(["8BITMIME"])
        let actions = c.event(.sendMessage(C.message { $0.needsSMTPUTF8 = true }))
        #expect(actions.sent.isEmpty)
        #expect(actions.results.first?.messageFailure?.reply?.enhancedCode == EnhancedStatusCode(5, 6, 7))
        #expect(actions.results.first?.messageFailure?.isTemporary == false)
        #expect(actions.last == .ready)
    }

    @Test func messageBeforeReadyIsDeferred() {
        var c = C()
        let actions = c.event(.sendMessage(C.message()))
        #expect(actions.sent.isEmpty)
        #expect(actions.results.map(\.summary) == [["deferred 0"]])
    }
}
