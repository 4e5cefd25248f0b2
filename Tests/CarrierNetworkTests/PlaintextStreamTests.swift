import CarrierNetwork
import CarrierTesting
import Testing

@Suite struct PlaintextStreamTests {
    @Test func echoesLinesAndStartsWithoutTLS() async throws {
        try await ListenerFixture.with(.plaintext) { fixture in
            let client = try await TLSLineClient.connect(port: fixture.port)
            #expect(try await client.readLine() == "220 fake ready")
            try await client.send("HELLO\r\nWORLD\r\n")
            #expect(try await client.readLine() == "HELLO")
            #expect(try await client.readLine() == "WORLD")
            try await client.send("QUIT\r\n")
            #expect(try await client.readLine() == "221 bye")
            try await client.waitUntilClosed()
            let session = try await fixture.session()
            try await poll("disconnected") { session.events.last == .disconnected ? () : nil }
            #expect(session.events.first == .started(nil))
        }
    }

    /// "TLS if available" must never quietly stay plaintext: a session asking
    /// for TLS on a listener without a certificate loses the connection.
    @Test func startTLSOnAPlaintextListenerCloses() async throws {
        try await ListenerFixture.with(.plaintext) { fixture in
            let client = try await TLSLineClient.connect(port: fixture.port)
            _ = try await client.readLine()
            try await client.send("STARTTLS\r\n")
            #expect(try await client.readLine() == "220 Ready to start TLS")
            try await client.waitUntilClosed()
            let session = try await fixture.session()
            try await poll("disconnected") { session.events.last == .disconnected ? () : nil }
        }
    }

    /// A shutdown asked for while a step's work runs waits for that work
    /// (a store commit must finish) and then lets the session say goodbye.
    @Test func shutdownDuringAStepIsAppliedWhenTheStepIsDone() async throws {
        try await ListenerFixture.with(.plaintext) { fixture in
            let client = try await TLSLineClient.connect(port: fixture.port)
            #expect(try await client.readLine() == "220 fake ready")
            try await client.send("SLOW\r\n")
            let session = try await fixture.session()
            try await poll("SLOW received") { session.lines == ["SLOW"] ? () : nil }
            fixture.registry.requestShutdown()
            #expect(try await client.readLine() == "SLOW done")
            #expect(try await client.readLine() == "421 shutdown")
            try await client.waitUntilClosed()
            try await poll("disconnected") { session.events.last == .disconnected ? () : nil }
            #expect(session.events.contains(.shutdown))
        }
    }
}
