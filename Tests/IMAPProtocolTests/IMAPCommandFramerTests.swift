import Testing
@testable import IMAPProtocol

@Suite struct IMAPCommandFramerTests {
    typealias D = FramerDriver

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func simpleLinesBecomeCommands() {
        let events = D.whole(Self.bytes("a1 NOOP\r\na2 CAPABILITY\r\n"))
        #expect(events.commands == [IMAPFramedCommand("a1 NOOP"), IMAPFramedCommand("a2 CAPABILITY")])
    }

    @Test func partialLineWaits() {
        var d = D()
        #expect(!d.framer.isInsideCommand)
        #expect(d.feed("a1 NO").isEmpty)
        #expect(d.feed("OP\r").isEmpty)
        #expect(d.feed("\n").commands == [IMAPFramedCommand("a1 NOOP")])
    }

    /// RFC 9051 §4.3: `{n}` needs a continuation request before the octets.
    @Test func synchronizingLiteralAsksForContinuation() {
        var d = D()
        #expect(d.feed("A001 LOGIN {11}\r\n") == [.needsContinuation])
        #expect(d.feed("FRED FOOBAR {7}\r\n") == [.needsContinuation])
        #expect(d.framer.isInsideCommand)
        let events = d.feed("fat man\r\n")
        #expect(events.commands == [IMAPFramedCommand(
            lines: [Self.bytes("A001 LOGIN "), Self.bytes(" "), []],
            literals: [IMAPLiteral(Self.bytes("FRED FOOBAR")), IMAPLiteral(Self.bytes("fat man"))])])
    }

    /// RFC 7888 §3 example: non-synchronizing literals need no continuation.
    @Test func nonSynchronizingLiteral() {
        let events = D.whole(Self.bytes("A001 LOGIN {11+}\r\nFRED FOOBAR {7+}\r\nfat man\r\n"))
        #expect(events.continuationCount == 0)
        #expect(events.commands.first?.literals.map(\.isSynchronizing) == [false, false])
        guard case .success(let parsed) = IMAPCommandParser.parse(events.commands[0]) else { Issue.record(); return }
        #expect(parsed.command == .login(username: "FRED FOOBAR", password: "fat man"))
    }

    @Test func binaryLiteralMayHoldNUL() {
        let data: [UInt8] = [0, 1, 13, 10, 0]
        let input = Self.bytes("a APPEND INBOX ~{5+}\r\n") + data + Self.bytes("\r\n")
        let command = D.whole(input).commands.first
        #expect(command?.literals == [IMAPLiteral(data, isBinary: true, isSynchronizing: false)])
    }

    @Test func literalMarkerOnlyCountsAtTheEndOfALine() {
        let events = D.whole(Self.bytes("a SEARCH SUBJECT {3} x\r\n"))
        #expect(events.commands == [IMAPFramedCommand("a SEARCH SUBJECT {3} x")])
    }

    @Test func zeroLengthLiteral() {
        let events = D.whole(Self.bytes("a LOGIN {0+}\r\n {0+}\r\n\r\n"))
        #expect(events.commands.first?.literals.map(\.bytes) == [[], []])
    }

    @Test func bareLineFeedIsTolerated() {
        #expect(D.whole(Self.bytes("a NOOP\n")).commands == [IMAPFramedCommand("a NOOP")])
    }

    /// Every kind of literal gives the same events whether fed whole or one
    /// octet at a time.
    @Test(arguments: [
        "A001 LOGIN {11}\r\nFRED FOOBAR {7}\r\nfat man\r\nA002 NOOP\r\n",
        "A001 LOGIN {11+}\r\nFRED FOOBAR {7+}\r\nfat man\r\n",
        "A003 APPEND saved-messages (\\Seen) {23}\r\nFrom: a@b\r\n\r\nHello!\r\n\r\n",
        "A004 APPEND INBOX ~{4+}\r\nab\r\n UTF8 (~{2}\r\nxy)\r\n",
        "A005 IDLE\r\nDONE\r\n",
        "x " + String(repeating: "y", count: 100) + " {3+}\r\nabc\r\nz NOOP\r\n",
    ])
    func dripFeedGivesTheSameEvents(text: String) {
        let limits = IMAPFramerLimits(maxLineLength: 64)
        #expect(D.whole(Self.bytes(text), limits) == D.dripped(Self.bytes(text), limits))
    }

    @Test func rawLinesModeForIdleAndAuthenticate() {
        var d = D()
        #expect(d.feed("a IDLE\r\n").commands.count == 1)
        d.framer.mode = .rawLines
        #expect(d.feed("DONE {5}\r\n") == [.line(Self.bytes("DONE {5}"))])
        d.framer.mode = .commands
        #expect(d.feed("b NOOP\r\n").commands == [IMAPFramedCommand("b NOOP")])
    }

    /// A command line read as a raw line (sent during IDLE) is framed again
    /// as a command, with the bytes that followed it still after it.
    @Test func reframedRawLineBecomesACommand() {
        var d = D()
        d.framer.mode = .rawLines
        d.framer.append(Self.bytes("a SELECT {5}\r\nINBOX\r\nb NOOP\r\n"))
        #expect(d.framer.next() == .line(Self.bytes("a SELECT {5}")))
        d.framer.mode = .commands
        d.framer.reframe(Self.bytes("a SELECT {5}"))
        #expect(d.framer.next() == .needsContinuation)
        #expect(d.framer.next() == .command(IMAPFramedCommand(lines: [Self.bytes("a SELECT "), []],
                                                              literals: [IMAPLiteral(Self.bytes("INBOX"))])))
        #expect(d.framer.next() == .command(IMAPFramedCommand("b NOOP")))
    }

    @Test func discardBufferedInputAfterSTARTTLS() {
        var d = D()
        d.framer.append(Self.bytes("a STARTTLS\r\nb LOGIN x y\r\n"))
        #expect(d.framer.next() == .command(IMAPFramedCommand("a STARTTLS")))
        d.framer.discardBufferedInput()
        #expect(d.framer.next() == nil)
        #expect(d.framer.bufferedByteCount == 0)
    }
}
