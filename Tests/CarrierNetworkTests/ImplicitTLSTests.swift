import CarrierNetwork
import CarrierTesting
import Testing

@Suite struct ImplicitTLSTests {
    @Test func sessionStartsAfterTheHandshakeWithItsFacts() async throws {
        try await ListenerFixture.with(.implicit) { fixture in
            let context = try TLSLineClient.context(trusting: fixture.certificatePath)
            let client = try await TLSLineClient.connect(port: fixture.port, tls: context, serverName: ListenerFixture.hostname)
            #expect(try await client.handshakeResult())
            let greeting = try await client.readLine()
            #expect(greeting.hasPrefix("220 fake ready TLSv1.3 TLS_"))
            try await client.send("PING\r\n")
            #expect(try await client.readLine() == "PING")
            let session = try await fixture.session()
            guard case .started(let info?) = session.events.first else {
                Issue.record("the session did not start with TLS facts: \(session.events)")
                return
            }
            #expect(greeting == "220 fake ready \(info.protocolVersion) \(info.cipherSuite)")
            await client.close()
        }
    }

    @Test func garbageInsteadOfAClientHelloClosesBeforeStart() async throws {
        try await ListenerFixture.with(.implicit) { fixture in
            let client = try await TLSLineClient.connect(port: fixture.port)
            try await client.send("EHLO plaintext\r\n")
            try await client.waitUntilClosed()
            let session = try await fixture.session()
            try await poll("disconnected") { session.events.last == .disconnected ? () : nil }
            #expect(session.events == [.disconnected])
        }
    }

    @Test func clientsOlderThanTLS12AreRefused() async throws {
        try await ListenerFixture.with(.implicit) { fixture in
            let context = try TLSLineClient.context(maximumVersion: .tlsv11)
            let client = try await TLSLineClient.connect(port: fixture.port, tls: context)
            #expect(try await client.handshakeResult() == false)
            let session = try await fixture.session()
            try await poll("disconnected") { session.events.last == .disconnected ? () : nil }
            #expect(session.events == [.disconnected])
        }
    }

    @Test func stalledHandshakeEndsAtTheIdleTimeout() async throws {
        try await ListenerFixture.with(.implicit, idleTimeout: .milliseconds(200)) { fixture in
            let client = try await TLSLineClient.connect(port: fixture.port)
            try await client.waitUntilClosed()
            let session = try await fixture.session()
            try await poll("disconnected") { session.events.last == .disconnected ? () : nil }
            #expect(session.events == [.disconnected])
        }
    }
}
