import Testing
@testable import POP3Protocol

/// CAPA (RFC 2449), STLS (RFC 2595), AUTH (RFC 5034) and UTF8 (RFC 6856).
@Suite struct POP3TLSAndAuthTests {
    static let common = "TOP\r\nUIDL\r\nRESP-CODES\r\nAUTH-RESP-CODE\r\nPIPELINING\r\nEXPIRE NEVER\r\nLOGIN-DELAY 0\r\nUTF8 USER\r\n"

    static func secure() -> POP3SessionDriver { POP3SessionDriver { $0.allowPlaintextWithoutTLS = false } }

    /// RFC 2449 §5-6: USER and plaintext SASL mechanisms appear only when
    /// usable; STLS only before TLS; no authentication capabilities once logged in.
    @Test func capabilitiesFollowTheConnection() {
        var d = Self.secure()
        d.send("CAPA\r\n")
        #expect(d.sent.last == "+OK Capability list follows\r\n" + Self.common
            + "SASL SCRAM-SHA-256\r\nSTLS\r\nIMPLEMENTATION Carrier\r\n.\r\n")
        d.send("STLS\r\n")
        d.event(.tlsEstablished)
        d.send("CAPA\r\n")
        #expect(d.sent.last == "+OK Capability list follows\r\n" + Self.common
            + "USER\r\nSASL PLAIN SCRAM-SHA-256\r\nIMPLEMENTATION Carrier\r\n.\r\n")
        d.send("USER alice\r\nPASS secret\r\nCAPA\r\n")
        #expect(d.sent.last == "+OK Capability list follows\r\n" + Self.common + "IMPLEMENTATION Carrier\r\n.\r\n")
    }

    @Test func capabilitiesWithoutOptionalLines() {
        var d = POP3SessionDriver {
            $0.stlsOffered = false
            $0.allowPlaintextWithoutTLS = false
            $0.saslMechanisms = ["PLAIN"]
            $0.implementation = nil
        }
        d.send("CAPA\r\n")
        #expect(d.sent.last == "+OK Capability list follows\r\n" + Self.common + ".\r\n")
    }

    /// Passwords are not sent in the clear before TLS unless configured; SCRAM
    /// never reveals the password, so it stays available.
    @Test func plaintextRefusedBeforeTLS() {
        var d = Self.secure()
        d.send("USER alice\r\nPASS secret\r\nAUTH PLAIN \(POP3SessionDriver.plainAlice)\r\nAUTH plain\r\n")
        let refusal = "-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections."
        #expect(d.statusLines.dropFirst() == [refusal, refusal, refusal, refusal])
        #expect(!d.actions.contains { if case .verifyPassword = $0 { true } else if case .authenticate = $0 { true } else { false } })
        d.send("AUTH\r\n")
        #expect(d.sent.last == "+OK\r\nSCRAM-SHA-256\r\n.\r\n")
        d.send("AUTH SCRAM-SHA-256\r\n")
        #expect(d.actions.contains(.authenticate(mechanism: "SCRAM-SHA-256", initialResponse: nil)))
        #expect(d.sent.last == "+ \r\n")
    }

    /// RFC 2595 §4: after `+OK Begin TLS negotiation` nothing the client sent
    /// before the handshake is used, and what the session knew is forgotten.
    @Test func stlsDropsPipelinedInputAndStartsOver() {
        var d = Self.secure()
        d.send("CAPA\r\nSTLS\r\nUSER alice\r\nPASS secret\r\n")
        #expect(d.statusLines.dropFirst() == ["+OK Capability list follows", "+OK Begin TLS negotiation"])
        #expect(d.actions.last == .startTLS)
        d.send("QUIT\r\n")
        #expect(d.sent.count == 3, "input during the handshake is dropped")
        d.event(.tlsEstablished)
        #expect(d.sent.count == 3, "no new greeting after STLS")
        #expect(d.session.tlsActive)
        d.send("USER alice\r\nPASS secret\r\n")
        #expect(d.session.state == .transaction)
        #expect(!d.closed)
    }

    @Test func stlsForgetsUserAndUTF8Mode() {
        var d = POP3SessionDriver()
        d.send("UTF8\r\nSTLS\r\n")
        d.event(.tlsEstablished)
        #expect(!d.session.utf8Enabled)
        d.send("USER jörg\r\n")
        #expect(d.lastStatus == "-ERR [UTF8] Send the UTF8 command before UTF-8 user names or passwords.")
    }

    @Test func stlsRefusals() {
        var implicit = POP3SessionDriver { $0.tlsFromStart = true }
        implicit.send("STLS\r\n")
        #expect(implicit.lastStatus == "-ERR Command not permitted when TLS active")
        var again = POP3SessionDriver()
        again.send("STLS\r\n")
        again.event(.tlsEstablished)
        again.send("STLS\r\n")
        #expect(again.lastStatus == "-ERR Command not permitted when TLS active")
        var unavailable = POP3SessionDriver { $0.stlsOffered = false }
        unavailable.send("STLS\r\n")
        #expect(unavailable.lastStatus == "-ERR TLS is not available.")
        var loggedIn = POP3SessionDriver.loggedIn()
        loggedIn.send("STLS\r\n")
        #expect(loggedIn.lastStatus == "-ERR Command not valid in TRANSACTION state.")
        #expect(again.actions.filter { $0 == .startTLS }.count == 1)
        for d in [implicit, unavailable, loggedIn] { #expect(!d.actions.contains(.startTLS)) }
    }

    /// RFC 5034 §4: an initial response on the AUTH line.
    @Test func authWithInitialResponse() {
        var d = POP3SessionDriver()
        d.send("AUTH PLAIN \(POP3SessionDriver.plainAlice)\r\nSTAT\r\n")
        #expect(d.actions.prefix(4) == [
            .send(Array("+OK pop.example.test POP3 server ready\r\n".utf8)),
            .authenticate(mechanism: "PLAIN", initialResponse: POP3SessionDriver.plainAlice),
            .openMaildrop(user: "alice"),
            .send(Array("+OK maildrop has 3 messages (103 octets)\r\n".utf8)),
        ])
        #expect(d.lastStatus == "+OK 3 103")
    }

    /// RFC 5034 §4: `+ ` challenges, base64 answers, `*` cancels.
    @Test func authChallengesAndCancel() {
        var d = POP3SessionDriver()
        d.send("AUTH PLAIN\r\n*\r\n")
        #expect(d.sent.suffix(2) == ["+ \r\n", "-ERR Authentication aborted.\r\n"])
        d.send("auth plain\r\nbm90IGl0\r\n")
        #expect(d.sent.suffix(2) == ["+ \r\n", "-ERR [AUTH] Authentication failed.\r\n"])
        d.send("AUTH PLAIN\r\n\(POP3SessionDriver.plainAlice)\r\n")
        #expect(d.session.state == .transaction)
        let lines = d.actions.compactMap { if case .saslResponse(let line) = $0 { line } else { nil } }
        #expect(lines == ["*", "bm90IGl0", POP3SessionDriver.plainAlice])
    }

    /// A SCRAM exchange (RFC 5802) with two challenges and the empty final client line.
    @Test func multiStepExchange() {
        var s = POP3ServerSessionTests.session()
        #expect(s.handle(.bytes(Array("AUTH SCRAM-SHA-256 Y2xpZW50LWZpcnN0\r\n".utf8)))
            == [.authenticate(mechanism: "SCRAM-SHA-256", initialResponse: "Y2xpZW50LWZpcnN0")])
        #expect(s.handle(.saslChallenge("c2VydmVyLWZpcnN0")) == [.send(Array("+ c2VydmVyLWZpcnN0\r\n".utf8))])
        #expect(s.handle(.bytes(Array("Y2xpZW50LWZpbmFs\r\n".utf8))) == [.saslResponse("Y2xpZW50LWZpbmFs")])
        #expect(s.handle(.saslChallenge("c2VydmVyLWZpbmFs")) == [.send(Array("+ c2VydmVyLWZpbmFs\r\n".utf8))])
        #expect(s.handle(.bytes(Array("\r\n".utf8))) == [.saslResponse("")])
        #expect(s.handle(.authenticated("alice")) == [.openMaildrop(user: "alice")])
    }

    @Test func authRefusals() {
        var d = POP3SessionDriver()
        d.send("AUTH CRAM-MD5\r\nAUTH\r\n")
        #expect(d.sent.suffix(2) == ["-ERR Unsupported authentication mechanism.\r\n", "+OK\r\nPLAIN\r\nSCRAM-SHA-256\r\n.\r\n"])
    }

    @Test func overLongSASLLineEndsTheExchange() {
        var d = POP3SessionDriver { $0.maximumSASLLineLength = 100 }
        d.send("AUTH PLAIN\r\n" + String(repeating: "A", count: 500) + "\r\nCAPA\r\n")
        #expect(d.statusLines.suffix(3) == ["+ ", "-ERR Authentication exchange line is too long.", "+OK Capability list follows"])
        #expect(!d.actions.contains { if case .saslResponse = $0 { true } else { false } })
    }

    /// RFC 6856: UTF-8 user names and passwords after the UTF8 command.
    @Test func utf8Mode() {
        var d = POP3SessionDriver()
        d.send("USER jörg\r\nUSER alice\r\nPASS pässword\r\n")
        let needsUTF8 = "-ERR [UTF8] Send the UTF8 command before UTF-8 user names or passwords."
        #expect(d.statusLines.suffix(3) == [needsUTF8, "+OK", needsUTF8])
        d.send("UTF8\r\nUSER jörg\r\nPASS pässword\r\n")
        #expect(d.session.utf8Enabled)
        #expect(d.actions.contains(.verifyPassword(user: "jörg", password: "pässword")))
    }
}
