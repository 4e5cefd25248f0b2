import Testing
@testable import IMAPProtocol

@Suite struct IMAPFramerLimitTests {
    typealias D = FramerDriver

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func overLongLineIsReportedOnceWithItsTagAndResynchronises() {
        let limits = IMAPFramerLimits(maxLineLength: 100)
        var d = D(limits)
        let first = d.feed("t1 LOGIN " + String(repeating: "x", count: 200))
        #expect(first == [.error(IMAPFramingError(.lineTooLong, tag: "t1"))])
        #expect(d.feed(String(repeating: "x", count: 5000)).isEmpty)
        #expect(d.framer.bufferedByteCount == 0)
        #expect(d.feed("\r\nt2 NOOP\r\n").commands == [IMAPFramedCommand("t2 NOOP")])
    }

    @Test func overLongCompleteLine() {
        let events = D.whole(Self.bytes("t1 X " + String(repeating: "x", count: 120) + "\r\nt2 NOOP\r\n"), IMAPFramerLimits(maxLineLength: 100))
        #expect(events.errors == [IMAPFramingError(.lineTooLong, tag: "t1")])
        #expect(events.commands == [IMAPFramedCommand("t2 NOOP")])
    }

    /// The discarded line ended in `{n+}`: its payload (which holds a line
    /// break) is skipped, not taken for a command.
    @Test func overLongLineSkipsItsNonSynchronizingLiteral() {
        let text = "t1 X " + String(repeating: "x", count: 200) + " {12+}\r\nt9 NOOP\r\nxx more\r\nt2 NOOP\r\n"
        let limits = IMAPFramerLimits(maxLineLength: 100)
        for events in [D.whole(Self.bytes(text), limits), D.dripped(Self.bytes(text), limits)] {
            #expect(events.errors.map(\.tag) == ["t1"])
            #expect(events.commands == [IMAPFramedCommand("t2 NOOP")])
        }
    }

    /// A synchronizing literal over the limit gets no `+` (RFC 7888 §4): the
    /// client waits for the tagged answer instead.
    @Test func synchronizingLiteralOverTheLimitIsNotAcknowledged() {
        var d = D(IMAPFramerLimits(maxLiteralSize: 1000))
        let events = d.feed("a1 APPEND INBOX {5000}\r\n")
        #expect(events == [.error(IMAPFramingError(.literalTooLarge(size: 5000, isSynchronizing: true), tag: "a1"))])
        #expect(events.errors.first?.isTooBig == true)
        #expect(d.feed("a2 NOOP\r\n").commands == [IMAPFramedCommand("a2 NOOP")])
    }

    /// LITERAL- (RFC 7888 §5): `{n+}` over 4096 is refused, read and dropped.
    @Test func literalMinusRefusesLargeNonSynchronizingLiterals() {
        let limits = IMAPFramerLimits(maxNonSynchronizingLiteralSize: IMAPFramerLimits.literalMinusLimit)
        let payload = String(repeating: "z", count: 5000)
        let events = D.whole(Self.bytes("a1 APPEND INBOX {5000+}\r\n" + payload + "\r\na2 NOOP\r\n"), limits)
        #expect(events.errors == [IMAPFramingError(.literalTooLarge(size: 5000, isSynchronizing: false), tag: "a1")])
        #expect(events.commands == [IMAPFramedCommand("a2 NOOP")])
        let small = D.whole(Self.bytes("a3 APPEND INBOX {4096+}\r\n" + String(repeating: "z", count: 4096) + "\r\n"), limits)
        #expect(small.commands.count == 1)
    }

    @Test func literalCountLimit() {
        let events = D.whole(Self.bytes("a LOGIN {1+}\r\nx {1+}\r\ny\r\nb NOOP\r\n"), IMAPFramerLimits(maxLiteralCount: 1))
        #expect(events.errors.map(\.kind) == [.tooManyLiterals])
        #expect(events.commands == [IMAPFramedCommand("b NOOP")])
    }

    @Test func commandSizeLimitCountsEveryLiteral() {
        let limits = IMAPFramerLimits(maxLineLength: 100, maxLiteralSize: 100, maxCommandSize: 150)
        let text = "a APPEND X {90+}\r\n" + String(repeating: "m", count: 90) + " {90}\r\n"
        let events = D.whole(Self.bytes(text), limits)
        #expect(events.errors.map(\.kind) == [.commandTooLarge])
    }

    @Test func hugeAnnouncedSizeIsRefusedWithoutOverflow() {
        let events = D.whole(Self.bytes("a APPEND X {99999999999999999999999}\r\n"))
        #expect(events.errors.first?.kind == .literalTooLarge(size: .max, isSynchronizing: true))
    }

    @Test func rawLineTooLong() {
        var d = D(IMAPFramerLimits(maxLineLength: 50))
        d.framer.mode = .rawLines
        let events = d.feed(String(repeating: "A", count: 80) + "\r\nDONE\r\n")
        #expect(events == [.error(IMAPFramingError(.lineTooLong, tag: nil)), .line(Self.bytes("DONE"))])
    }
}
