import MailCore
import Testing
@testable import SMTPProtocol

/// STARTTLS (RFC 3207) and AUTH (RFC 4954) in the session state machine.
@Suite struct SMTPTLSAndAuthTests {
    func submission(_ configure: (inout SMTPServerConfiguration) -> Void = { _ in }) -> SessionDriver {
        SessionDriver {
            $0.startTLSAvailable = true
            $0.tlsRequired = true
            $0.authMechanisms = ["PLAIN", "LOGIN", "SCRAM-SHA-256"]
            $0.authRequiredForMail = true
            configure(&$0)
        }
    }

    @Test func ehloOffersSTARTTLSThenAUTHOnlyAfterTLS() {
        var d = submission()
        d.send("EHLO c\r\n")
        #expect(d.replies[1].lines.contains("STARTTLS"))
        #expect(!d.replies[1].lines.contains { $0.hasPrefix("AUTH") })
        d.send("STARTTLS\r\n")
        d.run(d.session.handle(.tlsEstablished))
        d.send("EHLO c\r\n")
        #expect(!d.replies.last!.lines.contains("STARTTLS"))
        #expect(d.replies.last!.lines.contains("AUTH PLAIN LOGIN SCRAM-SHA-256"))
    }

    /// RFC 3207 §6 / CVE-2011-0411: what the client pipelined after STARTTLS is discarded.
    @Test func commandsPipelinedAfterSTARTTLSAreDiscarded() {
        var d = submission()
        d.send("EHLO c\r\nSTARTTLS\r\nMAIL FROM:<evil@x>\r\nRCPT TO:<victim@y>\r\n")
        #expect(d.codes == [220, 250, 220])
        #expect(d.startedTLS == 1)
        d.send("NOOP\r\n")
        #expect(d.codes == [220, 250, 220], "input during the handshake must be dropped")
        d.run(d.session.handle(.tlsEstablished))
        d.send("MAIL FROM:<a@b>\r\n")
        #expect(d.replies.last == SMTPReply(503, .init(5, 5, 1), "Error: send HELO/EHLO first"))
        #expect(d.session.tlsActive)
    }

    @Test func secondSTARTTLSRefused() {
        var d = submission()
        d.send("EHLO c\r\nSTARTTLS\r\n")
        d.run(d.session.handle(.tlsEstablished))
        d.send("EHLO c\r\nSTARTTLS\r\n")
        #expect(d.replies.last?.code == 554)
    }

    @Test func mailAndAuthBeforeTLSRefusedWhenTLSRequired() {
        var d = submission()
        d.send("EHLO c\r\nMAIL FROM:<a@b>\r\nAUTH PLAIN c2VjcmV0\r\n")
        #expect(d.replies[2] == .mustStartTLS)
        #expect(d.replies[3] == .mustStartTLS)
    }

    @Test func authOnlyOverTLSOnPort25() {
        var d = SessionDriver {
            $0.startTLSAvailable = true
            $0.authMechanisms = ["PLAIN"]
        }
        d.send("EHLO c\r\nAUTH PLAIN c2VjcmV0\r\n")
        #expect(d.replies.last?.code == 538)
        #expect(d.replies.last?.enhancedCode == EnhancedStatusCode(5, 7, 11))
    }

    @Test func authWithInitialResponseAndThenMail() {
        var d = submission { $0.tlsFromStart = true }
        d.send("EHLO c\r\nMAIL FROM:<a@b>\r\nAUTH PLAIN c2VjcmV0\r\nMAIL FROM:<alice@example.test>\r\n")
        #expect(d.codes == [220, 250, 530, 235, 250])
        #expect(d.session.authenticatedUser == "alice")
        #expect(d.session.statistics.summary.contains("auth=1"))
    }

    @Test func authChallengeRoundTripsAndFailures() {
        var d = submission { $0.tlsFromStart = true }
        d.send("EHLO c\r\nAUTH LOGIN\r\n")
        #expect(d.codes.last == 334)
        d.send("d3Jvbmc=\r\n")
        #expect(d.replies.last?.code == 535)
        d.send("AUTH LOGIN\r\n*\r\n")
        #expect(d.replies.last?.code == 501)
        d.send("AUTH PLAIN\r\nc2VjcmV0\r\nAUTH PLAIN\r\n")
        #expect(d.codes.suffix(3) == [334, 235, 503])
        #expect(d.saslLines == ["d3Jvbmc=", "*", "c2VjcmV0"])
    }

    @Test func authRefusals() {
        var off = SessionDriver { $0.tlsFromStart = true }
        off.send("EHLO c\r\nAUTH PLAIN\r\n")
        #expect(off.replies.last == .badSequence("Error: authentication not enabled"))
        var d = submission { $0.tlsFromStart = true }
        d.send("EHLO c\r\nAUTH CRAM-MD5\r\n")
        #expect(d.replies.last?.code == 504)
    }

    @Test func oversizedSASLLineRefused() {
        var d = submission {
            $0.tlsFromStart = true
            $0.maximumSASLLineLength = 100
        }
        d.send("EHLO c\r\nAUTH PLAIN\r\n" + String(repeating: "A", count: 500) + "\r\nNOOP\r\n")
        #expect(d.codes.suffix(3) == [334, 500, 250])
    }
}
