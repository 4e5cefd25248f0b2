import Testing

/// Greeting, capabilities, login rules, STARTTLS and syntax errors.
@Suite struct IMAPSessionTests {
    @Test func greetingAdvertisesCapabilitiesAndLoginWorks() async throws {
        let server = try await IMAPTestServer()
        let client = await server.connect()
        #expect(client.greeting.hasPrefix("* OK [CAPABILITY IMAP4rev1 IMAP4rev2 STARTTLS AUTH=PLAIN AUTH=SCRAM-SHA-256"))
        let bad = await client.command("a1 LOGIN alice wrong")
        #expect(IMAPTestClient.tagged(bad, "a1")?.hasPrefix("a1 NO [AUTHENTICATIONFAILED]") == true)
        let good = await client.login()
        #expect(IMAPTestClient.tagged(good, "a0")?.hasPrefix("a0 OK [CAPABILITY IMAP4rev1 IMAP4rev2 SASL-IR") == true)
        let logout = await client.command("a2 LOGOUT")
        #expect(logout.hasPrefix("* BYE"))
        #expect(logout.contains("a2 OK"))
        #expect(client.closed)
    }

    @Test func loginDisabledBeforeTLS() async throws {
        let server = try await IMAPTestServer(disablePlaintextAuth: true)
        let client = await server.connect()
        #expect(client.greeting.contains("LOGINDISABLED"))
        #expect(!client.greeting.contains("AUTH=PLAIN"))
        let login = await client.login()
        #expect(login.hasPrefix("a0 NO [PRIVACYREQUIRED]"))
        let plain = await client.command("a1 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==")
        #expect(plain.hasPrefix("a1 NO [PRIVACYREQUIRED]"))
        let select = await client.command("a2 SELECT INBOX")
        #expect(select.hasPrefix("a2 BAD"))
        let tls = await client.send("a3 STARTTLS\r\na4 LOGIN alice secret\r\n")
        #expect(tls == "a3 OK Begin TLS negotiation now\r\n")
        #expect(client.startedTLS)
        _ = await client.run(client.connection.tlsEstablished(version: "TLSv1.3", cipher: "TLS_AES_128_GCM_SHA256"))
        let caps = await client.command("a5 CAPABILITY")
        #expect(caps.contains("AUTH=PLAIN"))
        #expect(!caps.contains("STARTTLS"))
        #expect(!caps.contains("LOGINDISABLED"))
        let login2 = await client.login()
        #expect(login2.hasPrefix("a0 OK"))
    }

    @Test func authenticatePlainWithContinuationAndSASLIR() async throws {
        let server = try await IMAPTestServer()
        let client = await server.connect()
        let challenge = await client.command("a1 AUTHENTICATE PLAIN")
        #expect(challenge.hasPrefix("+ "))
        let done = await client.command("AGFsaWNlAHNlY3JldA==")
        #expect(done.hasPrefix("a1 OK"))
        let other = await server.connect()
        let ir = await other.command("b1 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==")
        #expect(ir.hasPrefix("b1 OK"))
        let third = await server.connect()
        _ = await third.command("c1 AUTHENTICATE PLAIN")
        let cancel = await third.command("*")
        #expect(cancel.hasPrefix("c1 BAD"))
    }

    @Test func badSyntaxIsAnsweredBAD() async throws {
        let server = try await IMAPTestServer()
        let client = await server.connect()
        #expect(await client.command("a1 FROB").hasPrefix("a1 BAD"))
        #expect(await client.command("a2 LOGIN").hasPrefix("a2 BAD"))
        #expect(await client.command("a9 NOOP extra").hasPrefix("a9 BAD"))
        _ = await client.login()
        #expect(await client.command("a3 FETCH 1 FLAGS").hasPrefix("a3 BAD"))
        _ = await client.command("a4 SELECT INBOX")
        #expect(await client.command("a5 FETCH 1 FLAGS").contains("a5 BAD"))
        #expect(await client.command("a6 FETCH 1:2 (FLAGS").contains("a6 BAD"))
        let enable = await client.command("a7 ENABLE CONDSTORE")
        #expect(enable.contains("a7 BAD"))
    }

    @Test func enableIDNamespace() async throws {
        let server = try await IMAPTestServer()
        let client = await server.connect()
        _ = await client.login()
        let enable = await client.command("a1 ENABLE IMAP4rev2 CONDSTORE XYZ")
        #expect(enable.hasPrefix("* ENABLED IMAP4rev2 CONDSTORE\r\n"))
        #expect(await client.command("a2 ID NIL").hasPrefix("* ID ("))
        #expect(await client.command("a3 NAMESPACE").hasPrefix("* NAMESPACE ((\"\" \"/\")) NIL NIL"))
    }

    /// RFC 9051 §5.4: at least 30 minutes after login; a shorter timer before it.
    @Test func silenceEndsTheSessionBeforeLoginButNotSoonAfter() async throws {
        let server = try await IMAPTestServer()
        let anonymous = await server.connect()
        #expect(await anonymous.run(anonymous.connection.timedOut()) == "* BYE Disconnected for inactivity.\r\n")
        #expect(anonymous.closed)
        let user = await server.connect()
        _ = await user.login()
        #expect(await user.run(user.connection.timedOut()) == "")
        #expect(!user.closed)
        #expect(await user.command("a1 NOOP") == "a1 OK NOOP completed\r\n")
    }
}
