import Ingress
import MailboxAccess
import NIOConcurrencyHelpers
import Testing

/// One step never gathers much more than `IMAPConnection.outputBudget`:
/// a long FETCH and the commands pipelined behind it go on in later steps,
/// which the transport starts only once the client has read the earlier
/// ones; IDLE holds pushes back while the client does not read.
@Suite struct IMAPOutputBoundTests {
    static let budget = 1 << 20

    /// Runs a step and its `next` chain; returns the size of each step's output and all the text.
    func steps(_ first: ConnectionStep) async -> (sizes: [Int], text: String) {
        let (sizes, octets) = await IMAPTestClient.steps(first)
        return (sizes, String(decoding: octets, as: UTF8.self))
    }

    func mailbox(messages: Int, bodySize: Int) async throws -> (IMAPTestServer, IMAPTestClient) {
        let server = try await IMAPTestServer()
        let line = String(repeating: "x", count: 76) + "\r\n"
        let body = String(repeating: line, count: bodySize / line.utf8.count)
        for number in 1...messages { try await server.deliver(subject: "Message \(number)", body: body) }
        let client = await server.connect()
        _ = await client.login()
        #expect(await client.command("s1 SELECT INBOX").contains("* \(messages) EXISTS"))
        return (server, client)
    }

    @Test func fetchOfAWholeMailboxGoesOutInBoundedSteps() async throws {
        let (server, client) = try await mailbox(messages: 40, bodySize: 60_000)
        let (sizes, text) = await steps(client.connection.receive(Array("f1 FETCH 1:* BODY.PEEK[]\r\n".utf8)))
        #expect(sizes.count >= 3)
        #expect(sizes.allSatisfy { $0 < Self.budget + 70_000 })
        let responses = text.split(separator: "\r\n").filter { $0.hasPrefix("* ") && $0.contains(" FETCH (BODY[] {") }
        #expect(responses.count == 40)
        #expect(text.hasSuffix("f1 OK FETCH completed\r\n"))
        withExtendedLifetime(server) {}
    }

    @Test func pipelinedCommandsAnswerInOrderAfterALongFetch() async throws {
        let (server, client) = try await mailbox(messages: 30, bodySize: 60_000)
        let pipelined = "f1 UID FETCH 1:* (BODY.PEEK[TEXT])\r\nf2 NOOP\r\nf3 FETCH 2 (UID)\r\n"
        let (sizes, text) = await steps(client.connection.receive(Array(pipelined.utf8)))
        #expect(sizes.count >= 2)
        let f1 = try #require(text.range(of: "f1 OK UID FETCH completed"))
        let f2 = try #require(text.range(of: "f2 OK NOOP completed"))
        let f3 = try #require(text.range(of: "f3 OK FETCH completed"))
        #expect(f1.upperBound <= f2.lowerBound && f2.upperBound <= f3.lowerBound)
        #expect(text.contains("* 2 FETCH (UID 2)\r\nf3 OK"))
        withExtendedLifetime(server) {}
    }

    @Test func manyPipelinedCommandsAreCutIntoSteps() async throws {
        let (server, client) = try await mailbox(messages: 2, bodySize: 500_000)
        let pipelined = (1...6).map { "c\($0) FETCH 1:2 BODY.PEEK[]\r\n" }.joined()
        let (sizes, text) = await steps(client.connection.receive(Array(pipelined.utf8)))
        #expect(sizes.count >= 3)
        #expect(sizes.allSatisfy { $0 < Self.budget + 520_000 })
        for number in 1...6 { #expect(text.contains("c\(number) OK FETCH completed")) }
        withExtendedLifetime(server) {}
    }

    @Test func idleHoldsUpdatesWhileTheClientDoesNotRead() async throws {
        let server = try await IMAPTestServer()
        try await server.deliver(subject: "first")
        let client = await server.connect()
        _ = await client.login()
        _ = await client.command("s1 SELECT INBOX")
        let writable = NIOLockedValueBox(false)
        client.connection.setPushSink(MailboxPush(
            write: { bytes in client.pushed.withLockedValue { $0 += String(decoding: bytes, as: UTF8.self) } },
            isWritable: { writable.withLockedValue { $0 } }))
        #expect(await client.command("i1 IDLE") == "+ idling\r\n")
        try await server.deliver(subject: "while the client is not reading")
        try await Task.sleep(for: .milliseconds(1_500))
        #expect(client.pushed.withLockedValue { $0 } == "")
        writable.withLockedValue { $0 = true }
        for _ in 0..<40 where !client.pushed.withLockedValue({ $0.contains("EXISTS") }) { try await Task.sleep(for: .milliseconds(100)) }
        #expect(client.pushed.withLockedValue { $0 } == "* 2 EXISTS\r\n")
        #expect(await client.command("DONE") == "i1 OK IDLE terminated\r\n")
    }
}
