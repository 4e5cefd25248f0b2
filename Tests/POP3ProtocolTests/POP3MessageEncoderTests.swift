import CarrierTesting
import Testing
@testable import POP3Protocol

@Suite struct POP3MessageEncoderTests {
    static func encode(_ message: String, top: Int? = nil) -> String {
        var encoder = POP3MessageEncoder(bodyLineLimit: top)
        var out: [UInt8] = []
        encoder.encode(Array(message.utf8), into: &out)
        encoder.finish(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// What a client does with a multi-line response (RFC 1939 §3): drop the
    /// terminating line and one leading `.` of every other line.
    static func unstuff(_ wire: [UInt8]) -> [UInt8] {
        #expect(wire.suffix(3) == Array(".\r\n".utf8))
        var out: [UInt8] = []
        var atLineStart = true
        for byte in wire.dropLast(3) {
            if !(atLineStart && byte == UInt8(ascii: ".")) { out.append(byte) }
            atLineStart = byte == 10
        }
        return out
    }

    /// RFC 1939 §3: a line starting with the termination octet gets another one.
    @Test func byteStuffing() {
        #expect(Self.encode(".hidden\r\n..two\r\n.\r\nend\r\n") == "..hidden\r\n...two\r\n..\r\nend\r\n.\r\n")
        #expect(Self.encode("a.b\r\n") == "a.b\r\n.\r\n")
    }

    @Test func lineEndsBecomeCRLF() {
        #expect(Self.encode("a\nb\r\nc\n") == "a\r\nb\r\nc\r\n.\r\n")
        #expect(Self.encode("\n\n") == "\r\n\r\n.\r\n")
        #expect(Self.encode("bare\rcr\r\n") == "bare\rcr\r\n.\r\n", "a CR inside a line is content")
    }

    /// The last line always ends in CRLF before the terminating `.` line.
    @Test func lastLineIsTerminated() {
        #expect(Self.encode("no newline") == "no newline\r\n.\r\n")
        #expect(Self.encode("ends in cr\r") == "ends in cr\r\n.\r\n")
        #expect(Self.encode(".") == "..\r\n.\r\n")
        #expect(Self.encode("") == ".\r\n")
        #expect(POP3MessageEncoder.size(of: []) == 0)
    }

    /// RFC 1939 §7 TOP: the header, the blank line, then n lines of the body.
    @Test func topSendsHeaderBlankLineAndNBodyLines() {
        let message = "From: a\r\nSubject: s\r\n\r\n1\r\n.2\r\n3\r\n"
        #expect(Self.encode(message, top: 0) == "From: a\r\nSubject: s\r\n\r\n.\r\n")
        #expect(Self.encode(message, top: 2) == "From: a\r\nSubject: s\r\n\r\n1\r\n..2\r\n.\r\n")
        #expect(Self.encode(message, top: 99) == Self.encode(message))
        #expect(Self.encode("A: b\nC: d\n\nx\ny\n", top: 1) == "A: b\r\nC: d\r\n\r\nx\r\n.\r\n")
        #expect(Self.encode("Only: header\r\n", top: 0) == "Only: header\r\n.\r\n")
        #expect(Self.encode("A: b\r\n\r\nlast", top: 1) == "A: b\r\n\r\nlast\r\n.\r\n")
    }

    @Test func topReportsCompletionSoTheTransportCanStopReading() {
        var encoder = POP3MessageEncoder(bodyLineLimit: 1)
        var out: [UInt8] = []
        encoder.encode(Array("A: b\r\n\r\none\r\n".utf8), into: &out)
        #expect(!encoder.isComplete)
        encoder.encode(Array("two\r\n".utf8), into: &out)
        #expect(encoder.isComplete)
        encoder.finish(into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "A: b\r\n\r\none\r\n.\r\n")
    }

    /// Streaming in pieces gives the same bytes as one call, whatever the split
    /// (a CRLF or a leading dot cut in two included).
    @Test func chunkBoundariesDoNotMatter() {
        let message = Array("H: v\n\r\n.a\r\n\r\n..\rb\nc\r".utf8)
        let whole = Self.encode(String(decoding: message, as: UTF8.self), top: 2)
        for split in 0...message.count {
            var encoder = POP3MessageEncoder(bodyLineLimit: 2)
            var out: [UInt8] = []
            encoder.encode(message[..<split], into: &out)
            encoder.encode(message[split...], into: &out)
            encoder.finish(into: &out)
            #expect(String(decoding: out, as: UTF8.self) == whole, "split at \(split)")
        }
    }

    /// RFC 1939 §11: the size LIST reports is the message as sent with CRLF
    /// line ends, not counting byte-stuffing or the terminating line, so it
    /// equals what the client holds after reading RETR.
    @Test func sizeIsWhatTheClientReceives() {
        var random = SplitMix64(seed: 1939)
        let alphabet: [UInt8] = Array("ab.\r\n \t.".utf8) + [0xC3, 0xA9, 0]
        for _ in 0..<500 {
            let message = (0..<Int.random(in: 0...80, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            var encoder = POP3MessageEncoder()
            var wire: [UInt8] = []
            encoder.encode(message, into: &wire)
            encoder.finish(into: &wire)
            let received = Self.unstuff(wire)
            #expect(POP3MessageEncoder.size(of: message) == received.count)
            #expect(encoder.messageOctets == received.count)
            #expect(!received.indices.contains { received[$0] == 10 && ($0 == 0 || received[$0 - 1] != 13) },
                    "every LF is part of a CRLF")
            #expect(received.isEmpty || received.suffix(2) == [13, 10])
        }
    }

    @Test func sizeOfLargeMessageStreamsInPieces() {
        let message = Array(String(repeating: ".line\n", count: 5000).utf8)
        #expect(POP3MessageEncoder.size(of: message) == 5000 * 7)
    }
}

