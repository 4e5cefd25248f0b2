import Testing
@testable import POP3Protocol

@Suite struct POP3CommandFramerTests {
    func frames(_ chunks: [String], limit: Int = 255) -> [POP3CommandFramer.Frame] {
        var framer = POP3CommandFramer(maximumLineLength: limit)
        var out: [POP3CommandFramer.Frame] = []
        for chunk in chunks {
            framer.append(Array(chunk.utf8))
            while let frame = framer.next() { out.append(frame) }
        }
        return out
    }

    func line(_ s: String) -> POP3CommandFramer.Frame { .line(Array(s.utf8)) }

    @Test func splitsAtCRLFWhateverTheChunks() {
        let input = "USER alice\r\nPASS a b\r\n\r\nQUIT\r\n"
        let expected = [line("USER alice"), line("PASS a b"), line(""), line("QUIT")]
        #expect(frames([input]) == expected)
        #expect(frames(input.unicodeScalars.map { String($0) }) == expected)
        #expect(frames(["USER al", "ice\r", "\nPASS a b\r\n\r", "\nQUIT\r\n"]) == expected)
    }

    /// RFC 1939 §3: commands end with CRLF; a bare LF or CR is an error, and
    /// the next line is read normally.
    @Test func bareLineEndsAreMalformed() {
        #expect(frames(["NOOP\nSTAT\r\n"]) == [.malformed, line("STAT")])
        #expect(frames(["NO\rOP\r\nSTAT\r\n"]) == [.malformed, line("STAT")])
        #expect(frames(["\n"]) == [.malformed])
    }

    /// RFC 2449 §4: an over-long line is reported once; framing resumes after its LF.
    @Test func overLongLineIsDroppedUpToItsEnd() {
        let long = String(repeating: "x", count: 1000)
        #expect(frames([long + "\r\nNOOP\r\n"], limit: 20) == [.tooLong, line("NOOP")])
        #expect(frames(Array(repeating: String(repeating: "y", count: 100), count: 100) + ["\r\nSTAT\r\n"], limit: 20)
            == [.tooLong, line("STAT")])
        let exact = String(repeating: "z", count: 18)
        #expect(frames([exact + "\r\n", exact + "z\r\n"], limit: 20) == [line(exact), .tooLong])
    }

    @Test func queueCountsCompleteLinesAndRemoveAllDropsEverything() {
        var framer = POP3CommandFramer(maximumLineLength: 255)
        framer.append(Array("NOOP\r\nSTAT\r\nLI".utf8))
        #expect(framer.queuedLineCount == 2)
        #expect(framer.next() == line("NOOP"))
        #expect(framer.queuedLineCount == 1)
        framer.removeAll()
        #expect(framer.queuedLineCount == 0)
        framer.append(Array("ST\r\n".utf8))
        #expect(framer.next() == line("ST"), "the partial line before removeAll is gone too")
        #expect(framer.next() == nil)
    }
}
