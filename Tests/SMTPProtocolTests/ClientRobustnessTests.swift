import MailCore
import Testing
@testable import SMTPProtocol

@Suite struct ClientRobustnessTests {
    typealias C = ClientConversation

    /// A whole pipelined delivery with multi-line replies, as the server's chunks.
    static let serverChunks = [
        C.greeting,
        C.ehloReply(["PIPELINING", "SIZE 1000", "8BITMIME", "DSN"]),
        "250 2.1.0 Ok\r\n250-2.1.5 Ok\r\n250 2.1.5 and more\r\n354 go\r\n",
        "250-2.0.0 Ok\r\n250 2.0.0 queued as X\r\n",
        "221 2.0.0 Bye\r\n",
    ]

    static func run(_ chunks: [[UInt8]]) -> [SMTPClientAction] {
        var c = C()
        var actions: [SMTPClientAction] = []
        for chunk in chunks {
            actions += c.session.handle(.bytes(chunk))
            if actions.last == .ready {
                actions += c.event(actions.results.isEmpty ? .sendMessage(C.message()) : .quit)
            }
        }
        return actions
    }

    @Test func dripFeedGivesTheSameActions() {
        let whole = Self.run(Self.serverChunks.map { Array($0.utf8) })
        let dripped = Self.run(Self.serverChunks.flatMap { $0.utf8.map { [$0] } })
        #expect(whole == dripped)
        #expect(whole.results.map(\.summary) == [["delivered 250"]])
        #expect(whole.last == .close)
    }

    @Test func overLongReplyLineFailsTheConnection() {
        var c = C()
        let actions = c.server("220 " + String(repeating: "x", count: 600) + "\r\n")
        #expect(actions.connectionFailure?.isTemporary == true)
        #expect(actions.sent.isEmpty)
        #expect(actions.last == .close)
    }

    @Test func malformedReplyDuringAMessageDefersIt() {
        var c = C.ready([])
        _ = c.event(.sendMessage(C.message()))
        let actions = c.server("250 Ok\nRCPT\r\n")
        #expect(actions.results.map(\.summary) == [["deferred 0"]])
        #expect(actions.connectionFailure?.isTemporary == true)
    }

    @Test func timeoutDuringTheGreeting() {
        var c = C()
        let actions = c.event(.timeout)
        #expect(actions.connectionFailure?.reason == "conversation timed out while receiving the initial server greeting")
        #expect(actions.last == .close)
    }

    @Test func timeoutDuringAMessageDefersIt() {
        var c = C.ready(["PIPELINING"])
        _ = c.event(.sendMessage(C.message(["a@remote.test", "b@remote.test"])))
        _ = c.server("250 Ok\r\n550 5.1.1 unknown\r\n")
        let actions = c.event(.timeout)
        #expect(actions.results.map(\.summary) == [["bounced 550", "deferred 0"]])
        #expect(actions.results.first?.messageFailure?.isTemporary == true)
        #expect(actions.connectionFailure?.isTemporary == true)
        #expect(actions.last == .close)
        #expect(c.server("250 late\r\n").isEmpty)
    }

    @Test func idleTimeoutQuitsQuietly() {
        var c = C.ready([])
        #expect(c.event(.timeout) == [.send(Array("QUIT\r\n".utf8)), .close])
    }

    @Test func serverShutdown421DefersTheMessage() {
        var c = C.ready([])
        _ = c.event(.sendMessage(C.message()))
        let actions = c.server("421 4.3.2 shutting down\r\n")
        #expect(actions.results.map(\.summary) == [["deferred 421"]])
        #expect(actions.connectionFailure?.reply?.code == 421)
        #expect(actions.last == .close)
    }

    @Test func unsolicitedReplyWhileIdleFailsTheConnection() {
        var c = C.ready([])
        #expect(c.server("250 surprise\r\n").connectionFailure != nil)
    }
}
