import Testing
@testable import SMTPProtocol

/// End-of-data detection and the SMTP smuggling vectors (RFC 5321 §4.1.1.4, §4.5.2).
@Suite struct DATAReceiverTests {
    @Test func endsOnlyAtCRLFDotCRLF() {
        var r = DATAReceiver(maximumMessageSize: 10_000, maximumLineLength: 1000)
        let bytes = Array("a\r\nb\r\n.\r\nMAIL".utf8)
        let end = r.consume(bytes, from: 0)
        #expect(end == bytes.count - 4)
        #expect(r.message == Array("a\r\nb\r\n".utf8))
        #expect(r.refusal == nil)
    }

    /// Each smuggling form must stay content; the message ends only at the real
    /// `<CRLF>.<CRLF>` and is then refused for its bare line ends.
    @Test(arguments: ["\n.\n", "\r.\r", "\n.\r\n", "\r\n.\r", "\r\n.\n", "\r.\n", "\n.\r"])
    func smugglingFormsNeverEndTheMessage(marker: String) {
        var r = DATAReceiver(maximumMessageSize: 10_000, maximumLineLength: 1000)
        let text = "Subject: x\r\n\r\nbody" + marker + "MAIL FROM:<evil@x>\r\nRCPT TO:<v@y>\r\nDATA\r\nspoof\r\n.\r\n"
        let bytes = Array(text.utf8)
        let end = r.consume(bytes, from: 0)
        #expect(end == bytes.count)
        #expect(r.refusal == .bareNewline)
        #expect(r.message.isEmpty)
    }

    @Test func nulBytesStayContent() {
        var r = DATAReceiver(maximumMessageSize: 10_000, maximumLineLength: 1000)
        let bytes: [UInt8] = Array("a".utf8) + [0] + Array(".\r\n".utf8) + [0] + Array("\r\n.\r\n".utf8)
        #expect(r.consume(bytes, from: 0) == bytes.count)
        #expect(r.message.count == bytes.count - 3)
    }

    @Test func dotUnstuffing() {
        var r = DATAReceiver(maximumMessageSize: 10_000, maximumLineLength: 1000)
        _ = r.consume(Array("..\r\n...x\r\n.y\r\n.\r\n".utf8), from: 0)
        #expect(String(decoding: r.message, as: UTF8.self) == ".\r\n..x\r\ny\r\n")
    }

    @Test func emptyMessage() {
        var r = DATAReceiver(maximumMessageSize: 10_000, maximumLineLength: 1000)
        #expect(r.consume(Array(".\r\n".utf8), from: 0) == 3)
        #expect(r.message.isEmpty)
    }

    @Test(arguments: [998, 999])
    func lineLengthLimitIncludesCRLF(length: Int) {
        var r = DATAReceiver(maximumMessageSize: 100_000, maximumLineLength: 1000)
        let text = String(repeating: "x", count: length) + "\r\n.\r\n"
        #expect(r.consume(Array(text.utf8), from: 0) != nil)
        #expect(r.refusal == (length == 998 ? nil : .lineTooLong))
    }

    @Test func longLineThenEndStillFindsEnd() {
        var r = DATAReceiver(maximumMessageSize: 1_000_000, maximumLineLength: 1000)
        let bytes = Array((String(repeating: "x", count: 50_000) + "\r\n.\r\n").utf8)
        #expect(r.consume(bytes, from: 0) == bytes.count)
        #expect(r.refusal == .lineTooLong)
    }

    @Test func endMarkerSplitAcrossReads() {
        var r = DATAReceiver(maximumMessageSize: 10_000, maximumLineLength: 1000)
        let parts = ["abc\r", "\n.", "\r", "\n"]
        var ends: [Int?] = []
        for p in parts { ends.append(r.consume(Array(p.utf8), from: 0)) }
        #expect(ends == [nil, nil, nil, 1])
        #expect(r.message == Array("abc\r\n".utf8))
        #expect(r.refusal == nil)
    }

    @Test func oversizeRefusedButReadToEnd() {
        var r = DATAReceiver(maximumMessageSize: 10, maximumLineLength: 1000)
        let bytes = Array("0123456789\r\nabc\r\n.\r\n".utf8)
        #expect(r.consume(bytes, from: 0) == bytes.count)
        #expect(r.refusal == .tooBig)
    }
}
