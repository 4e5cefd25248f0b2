import Testing
@testable import SMTPProtocol

/// A connection that ends under the session (the server hangs up in the
/// middle of DATA, a write fails) settles the message in flight as deferred,
/// so the queue retries it instead of leaving it claimed.
@Suite struct ClientConnectionLostTests {
    typealias C = ClientConversation

    @Test func lostDuringDataDefersTheMessage() {
        var c = C.ready(["PIPELINING"])
        _ = c.event(.sendMessage(C.message(["a@remote.test", "b@remote.test"])))
        _ = c.server("250 Ok\r\n250 Ok\r\n250 Ok\r\n354 go\r\n")
        let actions = c.event(.connectionLost)
        #expect(actions.results.map(\.summary) == [["deferred 0", "deferred 0"]])
        #expect(actions.results.first?.messageFailure?.isTemporary == true)
        #expect(actions.connectionFailure?.reason == "lost connection while sending the message")
        #expect(actions.last == .close)
        #expect(c.event(.connectionLost).isEmpty)
    }

    @Test func lostDuringTheGreetingFailsTheConnection() {
        var c = C()
        let actions = c.event(.connectionLost)
        #expect(actions.results.isEmpty)
        #expect(actions.connectionFailure?.reason == "lost connection while receiving the initial server greeting")
    }

    @Test func lostAfterQuitIsAnOrdinaryEnd() {
        var c = C.ready([])
        _ = c.event(.quit)
        #expect(c.event(.connectionLost) == [.close])
        #expect(c.session.hasQuit)
    }
}
