import CarrierNetwork
import CarrierTesting
import NIOSSL
import Testing

@Suite struct StartTLSTests {
    @Test func handshakeReportsVersionAndCipher() async throws {
        try await ListenerFixture.with(.startTLS) { fixture in
            let client = try await TLSLineClient.connect(port: fixture.port)
            _ = try await client.readLine()
            try await client.send("STARTTLS\r\n")
            #expect(try await client.readLine() == "220 Ready to start TLS")
            let context = try TLSLineClient.context(trusting: fixture.certificatePath)
            #expect(try await client.startTLS(context, serverName: ListenerFixture.hostname))
            try await client.send("SECRET\r\n")
            #expect(try await client.readLine() == "SECRET")
            let session = try await fixture.session()
            let info = try #require(session.events.compactMap { if case .tlsEstablished(let info) = $0 { info } else { nil } }.first)
            #expect(info.protocolVersion == "TLSv1.3")
            #expect(["TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"].contains(info.cipherSuite))
            #expect(session.events == [.started(nil), .line("STARTTLS"), .tlsEstablished(info), .line("SECRET")])
            await client.close()
        }
    }

    @Test(arguments: [
        (NIOTLSCipher.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
        (NIOTLSCipher.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
    ])
    func tls12ReportsTheNegotiatedSuite(cipher: NIOTLSCipher, name: String) async throws {
        try await ListenerFixture.with(.startTLS) { fixture in
            let client = try await TLSLineClient.connect(port: fixture.port)
            _ = try await client.readLine()
            try await client.send("STARTTLS\r\n")
            _ = try await client.readLine()
            let context = try TLSLineClient.context(maximumVersion: .tlsv12, cipherSuites: [cipher])
            #expect(try await client.startTLS(context))
            let session = try await fixture.session()
            let expected = TLSInfo(protocolVersion: "TLSv1.2", cipherSuite: name)
            try await poll("tlsEstablished") { session.events.last == .tlsEstablished(expected) ? () : nil }
            await client.close()
        }
    }

    /// CVE-2011-0411: commands pipelined behind STARTTLS in the same packet
    /// must not be executed, neither before nor after the handshake.
    @Test func bytesPipelinedAfterStartTLSNeverReachTheSession() async throws {
        try await ListenerFixture.with(.startTLS) { fixture in
            let client = try await TLSLineClient.connect(port: fixture.port)
            _ = try await client.readLine()
            try await client.send("STARTTLS\r\nINJECTED\r\n")
            #expect(try await client.readLine() == "220 Ready to start TLS")
            #expect(try await client.startTLS(try TLSLineClient.context()))
            try await client.send("AFTER\r\n")
            #expect(try await client.readLine() == "AFTER")
            let session = try await fixture.session()
            #expect(session.lines == ["STARTTLS", "AFTER"])
            await client.close()
        }
    }

    /// Plaintext that arrives after STARTTLS in a later packet (here while the
    /// session is still working on its answer) is never handed to the session:
    /// it reaches the TLS handler as a bogus record and the handshake fails.
    @Test func plaintextSentAfterStartTLSFailsTheHandshake() async throws {
        try await ListenerFixture.with(.startTLS, startTLSDelay: .milliseconds(200)) { fixture in
            let client = try await TLSLineClient.connect(port: fixture.port)
            _ = try await client.readLine()
            try await client.send("STARTTLS\r\n")
            let session = try await fixture.session()
            try await poll("STARTTLS at the session") { session.lines == ["STARTTLS"] ? () : nil }
            try await client.send("INJECTED\r\n")
            #expect(try await client.readLine() == "220 Ready to start TLS")
            #expect(try await client.startTLS(try TLSLineClient.context()) == false)
            try await client.waitUntilClosed()
            try await poll("disconnected") { session.events.last == .disconnected ? () : nil }
            #expect(session.events == [.started(nil), .line("STARTTLS"), .disconnected])
        }
    }

    @Test func garbageInsteadOfAClientHelloCloses() async throws {
        try await ListenerFixture.with(.startTLS) { fixture in
            let client = try await TLSLineClient.connect(port: fixture.port)
            _ = try await client.readLine()
            try await client.send("STARTTLS\r\n")
            _ = try await client.readLine()
            try await client.send("EHLO not really tls\r\n")
            try await client.waitUntilClosed()
            let session = try await fixture.session()
            try await poll("disconnected") { session.events.last == .disconnected ? () : nil }
            #expect(session.events == [.started(nil), .line("STARTTLS"), .disconnected])
        }
    }
}
