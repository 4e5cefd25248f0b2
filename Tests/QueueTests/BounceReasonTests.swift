import MailCore
@testable import SMTPProtocol
import Testing
@testable import Queue

/// What a bounce says about a refused recipient: the peer's reply and status
/// (RFC 3464 §2.3.4, §2.3.6), or our own status for a local condition.
@Suite struct BounceReasonTests {
    let relay = "mx.example.test[192.0.2.1]:25"

    @Test func aPermanentReplyGivesItsStatusAndTheReplyAsSMTPDiagnostic() {
        let reply = SMTPReply(550, EnhancedStatusCode(5, 1, 1), "<bob@example.test>: Recipient address rejected")
        let result = ConnectionFeed.result(of: .rejected(reply, inReplyTo: "RCPT TO"), relay: relay)
        let expected = BounceReason(
            "host mx.example.test[192.0.2.1]:25 said: 550 5.1.1 <bob@example.test>: Recipient address rejected (in reply to RCPT TO command)",
            status: EnhancedStatusCode(5, 1, 1), remoteReply: "550 5.1.1 <bob@example.test>: Recipient address rejected")
        #expect(result == .bounced(expected))
        #expect(expected.diagnostic == "smtp; 550 5.1.1 <bob@example.test>: Recipient address rejected")
    }

    @Test func aReplyWithoutEnhancedCodeIsFiveZeroZero() {
        let result = ConnectionFeed.result(of: .rejected(SMTPReply(554, nil, "no"), inReplyTo: "DATA"), relay: relay)
        guard case .bounced(let reason) = result else { Issue.record("\(result)"); return }
        #expect(reason.status == EnhancedStatusCode(5, 0, 0))
        #expect(reason.remoteReply == "554 no")
    }

    @Test func aLoopIsOurOwnFiveFourSixWithoutARemoteReply() {
        let failure = SMTPClientFailure(reply: nil, reason: "mail loops back to myself (host greeted me with my own hostname)",
                                        isTemporary: false, status: EnhancedStatusCode(5, 4, 6))
        guard case .bounced(let reason) = ConnectionFeed.result(of: failure, relay: relay) else { Issue.record("not bounced"); return }
        #expect(reason.status == EnhancedStatusCode(5, 4, 6))
        #expect(reason.diagnostic == "x-unix; mx.example.test[192.0.2.1]:25: mail loops back to myself (host greeted me with my own hostname)")
    }

    @Test func aTemporaryReplyIsDeferredWithTheLocatedText() {
        let result = ConnectionFeed.result(of: .rejected(SMTPReply(451, EnhancedStatusCode(4, 3, 0), "later"), inReplyTo: "RCPT TO"),
                                           relay: relay)
        #expect(result == .deferred("host mx.example.test[192.0.2.1]:25 said: 451 4.3.0 later (in reply to RCPT TO command)"))
    }
}
