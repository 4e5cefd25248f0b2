import MailCore
import Testing
@testable import SMTPProtocol

@Suite struct ClientHandshakeTests {
    typealias C = ClientConversation

    @Test func greetingThenEHLOThenReady() {
        var c = C()
        #expect(c.server(C.greeting).sent == "EHLO client.example.test\r\n")
        #expect(c.server(C.ehloReply(["PIPELINING", "SIZE 100"])) == [.ready])
        #expect(c.session.extensions.size == 100)
    }

    @Test(arguments: ["421 4.3.2 mx.example.test busy\r\n", "450 4.7.1 not now\r\n", "554 5.7.1 no SMTP service here\r\n"])
    func negativeGreetingFailsTheConnectionTemporarily(greeting: String) {
        var c = C()
        let actions = c.server(greeting)
        let failure = actions.connectionFailure
        #expect(failure?.isTemporary == true)
        #expect(failure?.reply?.code == Int(greeting.prefix(3)))
        #expect(actions.last == .close)
        #expect(c.server("250 ignored\r\n").isEmpty)
    }

    @Test func ehlo5xxFallsBackToHELO() {
        var c = C()
        _ = c.server(C.greeting)
        #expect(c.server("502 5.5.2 Error: command not recognized\r\n").sent == "HELO client.example.test\r\n")
        #expect(c.server("250 mx.example.test\r\n") == [.ready])
        #expect(c.session.extensions == SMTPServerExtensions())
        #expect(c.event(.sendMessage(C.message())).sent == "MAIL FROM:<alice@local.test>\r\n")
    }

    /// A server that greets or answers EHLO/HELO with our own name is this host:
    /// the mail would come back to us (RFC 5321 §6.3; Postfix's "loops back to myself").
    @Test(arguments: [("220 CLIENT.example.test ESMTP\r\n", nil),
                      (C.greeting, "250-client.example.test\r\n250 PIPELINING\r\n"),
                      (C.greeting, "502 5.5.2 no EHLO\r\n")])
    func aServerWithOurOwnNameFailsTheConnectionPermanently(greeting: String, ehloReply: String?) {
        var c = C()
        var actions = c.server(greeting)
        if let ehloReply {
            actions = c.server(ehloReply)
            if ehloReply.hasPrefix("502") {
                #expect(actions.sent == "HELO client.example.test\r\n")
                actions = c.server("250 client.example.test\r\n")
            }
        }
        let failure = actions.connectionFailure
        #expect(failure?.isTemporary == false)
        #expect(failure?.reason.hasPrefix("mail loops back to myself") == true)
        #expect(actions.sent == "QUIT\r\n")
    }

    @Test func aNameThatOnlyStartsLikeOursIsAnotherHost() {
        var c = C()
        #expect(c.server("220 client.example.test.other ESMTP\r\n").sent == "EHLO client.example.test\r\n")
        #expect(c.server(C.ehloReply([])) == [.ready])
    }

    @Test func ehlo4xxFailsTheConnection() {
        var c = C()
        _ = c.server(C.greeting)
        let actions = c.server("451 4.3.0 try later\r\n")
        #expect(actions.connectionFailure?.isTemporary == true)
        #expect(actions.sent == "QUIT\r\n")
    }

    @Test func startTLSRequiredButNotOffered() {
        var c = C { $0.tls = .required }
        _ = c.server(C.greeting)
        let actions = c.server(C.ehloReply(["PIPELINING"]))
        #expect(actions.connectionFailure == SMTPClientFailure(
            reply: nil, reason: "TLS is required, but was not offered by host", isTemporary: true))
        #expect(actions.sent == "QUIT\r\n")
        #expect(actions.last == .close)
    }

    @Test func startTLSMayGoesOnInPlaintextWhenNotOffered() {
        var c = C { $0.tls = .may }
        _ = c.server(C.greeting)
        #expect(c.server(C.ehloReply([])) == [.ready])
        #expect(!c.session.isTLS)
    }

    @Test func startTLSFlowDiscardsBytesReadBeforeTheHandshake() {
        var c = C { $0.tls = .required }
        _ = c.server(C.greeting)
        #expect(c.server(C.ehloReply(["STARTTLS"])).sent == "STARTTLS\r\n")
        #expect(c.server("220 2.0.0 Ready to start TLS\r\n250 injected\r\n") == [.startTLS])
        #expect(c.server("250 also injected\r\n").isEmpty)
        #expect(c.event(.tlsEstablished).sent == "EHLO client.example.test\r\n")
        #expect(c.server(C.ehloReply(["PIPELINING"])) == [.ready])
        #expect(c.session.isTLS)
        #expect(c.session.extensions.pipelining)
    }

    @Test func startTLSRefusedWhenRequired() {
        var c = C { $0.tls = .required }
        _ = c.server(C.greeting)
        _ = c.server(C.ehloReply(["STARTTLS"]))
        let actions = c.server("454 4.7.0 TLS not available\r\n")
        #expect(actions.connectionFailure?.isTemporary == true)
        #expect(actions.connectionFailure?.reply?.code == 454)
    }

    @Test func tlsHandshakeFailure() {
        var c = C { $0.tls = .may }
        _ = c.server(C.greeting)
        _ = c.server(C.ehloReply(["STARTTLS"]))
        _ = c.server("220 Ready\r\n")
        let actions = c.event(.tlsFailed("certificate verify failed"))
        #expect(actions.connectionFailure?.reason == "Cannot start TLS: handshake failure: certificate verify failed")
        #expect(actions == [.connectionFailed(actions.connectionFailure!), .close])
    }

    /// A session that has done STARTTLS and sent EHLO again, with credentials.
    static func afterTLS(_ configure: (inout SMTPClientConfiguration) -> Void = { _ in }) -> C {
        var c = C {
            $0.tls = .required
            $0.hasCredentials = true
            configure(&$0)
        }
        _ = c.server(C.greeting)
        _ = c.server(C.ehloReply(["STARTTLS"]))
        _ = c.server("220 Ready\r\n")
        _ = c.event(.tlsEstablished)
        return c
    }

    @Test func authPlainThroughTheSASLDriver() {
        var c = Self.afterTLS()
        #expect(c.server(C.ehloReply(["AUTH LOGIN PLAIN"])) == [.authenticate(mechanism: "PLAIN", serverChallenge: nil)])
        #expect(c.event(.saslInitialResponse("AGFsaWNlAHNlY3JldA==")).sent == "AUTH PLAIN AGFsaWNlAHNlY3JldA==\r\n")
        #expect(c.server("235 2.7.0 Authentication successful\r\n") == [.ready])
    }

    @Test func authWithChallengesAndStrongestMechanism() {
        var c = Self.afterTLS()
        #expect(c.server(C.ehloReply(["AUTH LOGIN PLAIN SCRAM-SHA-256"]))
            == [.authenticate(mechanism: "SCRAM-SHA-256", serverChallenge: nil)])
        #expect(c.event(.saslInitialResponse("Y2xpZW50LWZpcnN0")).sent == "AUTH SCRAM-SHA-256 Y2xpZW50LWZpcnN0\r\n")
        #expect(c.server("334 c2VydmVyLWZpcnN0\r\n")
            == [.authenticate(mechanism: "SCRAM-SHA-256", serverChallenge: "c2VydmVyLWZpcnN0")])
        #expect(c.event(.saslClientResponse("Y2xpZW50LWZpbmFs")).sent == "Y2xpZW50LWZpbmFs\r\n")
        _ = c.server("334 dj1zaWduYXR1cmU=\r\n")
        #expect(c.event(.saslClientResponse("")).sent == "\r\n")
        #expect(c.server("235 2.7.0 Ok\r\n") == [.ready])
    }

    @Test func authLoginWithoutInitialResponse() {
        var c = Self.afterTLS { $0.saslMechanisms = ["LOGIN"] }
        #expect(c.server(C.ehloReply(["AUTH PLAIN LOGIN"])) == [.authenticate(mechanism: "LOGIN", serverChallenge: nil)])
        #expect(c.event(.saslInitialResponse(nil)).sent == "AUTH LOGIN\r\n")
        #expect(c.server("334 VXNlcm5hbWU6\r\n") == [.authenticate(mechanism: "LOGIN", serverChallenge: "VXNlcm5hbWU6")])
    }

    @Test func driverFailureCancelsAndDefers() {
        var c = Self.afterTLS()
        _ = c.server(C.ehloReply(["AUTH SCRAM-SHA-256"]))
        _ = c.event(.saslInitialResponse("eA=="))
        _ = c.server("334 eA==\r\n")
        let actions = c.event(.saslClientFailed("server signature mismatch"))
        #expect(actions.sent == "*\r\n")
        #expect(actions.connectionFailure?.isTemporary == true)
        #expect(actions.last == .close)
    }

    @Test func authFailure535DefersWithTheReason() {
        var c = Self.afterTLS()
        _ = c.server(C.ehloReply(["AUTH PLAIN"]))
        _ = c.event(.saslInitialResponse("AGFsaWNlAHdyb25n"))
        let actions = c.server("535 5.7.8 Error: authentication failed\r\n")
        let failure = actions.connectionFailure
        #expect(failure?.isTemporary == true)
        #expect(failure?.reason == "SASL authentication failed; server said: 535 5.7.8 Error: authentication failed")
        #expect(actions.sent == "QUIT\r\n")
    }

    @Test func refusesToAuthenticateWithoutTLS() {
        var c = C { $0.hasCredentials = true }
        _ = c.server(C.greeting)
        let actions = c.server(C.ehloReply(["AUTH PLAIN"]))
        #expect(actions.connectionFailure?.isTemporary == true)
        #expect(actions.connectionFailure?.reason.contains("not encrypted") == true)
        #expect(!actions.contains { if case .authenticate = $0 { true } else { false } })
        #expect(actions.sent == "QUIT\r\n")
    }

    @Test func plaintextAuthenticationWhenAllowed() {
        var c = C { $0.hasCredentials = true; $0.allowPlaintextAuth = true }
        _ = c.server(C.greeting)
        #expect(c.server(C.ehloReply(["AUTH PLAIN"])) == [.authenticate(mechanism: "PLAIN", serverChallenge: nil)])
    }

    @Test func noCommonMechanismDefers() {
        var c = Self.afterTLS()
        let actions = c.server(C.ehloReply(["AUTH CRAM-MD5"]))
        #expect(actions.connectionFailure?.reason.contains("no mechanism available") == true)
    }

    @Test func credentialsButNoAuthOfferedSendsUnauthenticated() {
        var c = Self.afterTLS()
        #expect(c.server(C.ehloReply([])) == [.ready])
    }
}
