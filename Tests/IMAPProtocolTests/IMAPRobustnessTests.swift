import CarrierTesting
import MailCore
import Testing
@testable import IMAPProtocol

/// Seeded random input: the framer and parser never crash, never hold more
/// than their limits, and always answer with an event or a typed error.
@Suite struct IMAPRobustnessTests {
    static let tokens = [
        "a1 ", "UID ", "FETCH ", "SEARCH ", "STORE ", "APPEND ", "LIST ", "SELECT ", "LOGIN ", "BODY[", "BODY.PEEK[",
        "HEADER.FIELDS (", "]", "<0.10>", "1:*", ",", "$", "NOT ", "OR ", "(", ")", "\"", "\\", "{3}", "{5+}", "~{2}",
        "{99999999999}", "\r\n", "\n", " ", "INBOX", "FLAGS", "\\Seen", "CHARSET UTF-8 ", "MODSEQ ", "RETURN (", "\u{0}",
        "\u{e9}", "*", "%", "1", "2.3", "TEXT", "MIME", "(CHANGEDSINCE 5 VANISHED)", "DONE", "+FLAGS.SILENT ",
    ]

    static func randomInput(_ rng: inout SplitMix64, tokens count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<count {
            if Int.random(in: 0..<10, using: &rng) == 0 {
                bytes.append(UInt8.random(in: 0...255, using: &rng))
            } else {
                bytes += Array(tokens.randomElement(using: &rng)!.utf8)
            }
        }
        return bytes
    }

    @Test func framerAndParserSurviveRandomStreams() {
        var rng = SplitMix64(seed: 0x1DEA)
        let limits = IMAPFramerLimits(maxLineLength: 256, maxLiteralSize: 64, maxCommandSize: 512, maxLiteralCount: 4)
        var commandCount = 0
        for _ in 0..<300 {
            var framer = IMAPCommandFramer(limits: limits)
            let input = Self.randomInput(&rng, tokens: 400)
            var offset = 0
            while offset < input.count {
                let size = Int.random(in: 1...64, using: &rng)
                framer.append(input[offset..<min(offset + size, input.count)])
                offset += size
                if Int.random(in: 0..<50, using: &rng) == 0 { framer.mode = framer.mode == .commands ? .rawLines : .commands }
                while let event = framer.next() {
                    guard case .command(let command) = event else { continue }
                    commandCount += 1
                    #expect(command.byteCount <= limits.maxCommandSize)
                    #expect(command.literals.count <= limits.maxLiteralCount)
                    _ = IMAPCommandParser.parse(command)
                }
                #expect(framer.bufferedByteCount <= limits.maxLineLength + 2)
                #expect(framer.pending.textBytes + framer.pending.literalBytes <= limits.maxCommandSize)
            }
        }
        #expect(commandCount > 100)
    }

    static let corpus = [
        "a1 FETCH 1:*,3 (FLAGS BODY.PEEK[1.2.HEADER.FIELDS (From To)]<0.100> BINARY[1] MODSEQ) (CHANGEDSINCE 5)",
        "a2 UID SEARCH RETURN (MIN MAX SAVE) CHARSET UTF-8 OR (FROM x NOT SEEN) UID $ SINCE 1-Feb-1994 HEADER X y",
        "a3 STORE 1:3 (UNCHANGEDSINCE 7) +FLAGS.SILENT (\\Seen $Junk)",
        "a4 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" (\"*\" %) RETURN (CHILDREN STATUS (MESSAGES SIZE))",
        "a5 SELECT INBOX (QRESYNC (1 2 1:5 (1,3 5,7)))",
        "a6 SORT (REVERSE DATE SUBJECT) UTF-8 ALL", "a7 THREAD REFERENCES UTF-8 ALL",
        "a8 ID (\"name\" \"x\" \"os\" NIL)", "a9 CREATE foo (USE (\\Sent))", "b1 SETQUOTA \"\" (STORAGE 5)",
        "b2 LOGIN \"us\\\"er\" pass", "b3 AUTHENTICATE PLAIN =", "b4 STATUS INBOX (UIDNEXT HIGHESTMODSEQ)",
    ]

    @Test func parserSurvivesMutatedCommands() {
        var rng = SplitMix64(seed: 0xFEED)
        var parsed = 0
        for _ in 0..<6_000 {
            var bytes = Array(Self.corpus.randomElement(using: &rng)!.utf8)
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let index = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes.remove(at: index)
                case 2: bytes.insert(Array(Self.tokens.randomElement(using: &rng)!.utf8)[0], at: index)
                default: bytes.insert(contentsOf: bytes[index..<min(index + 8, bytes.count)], at: index)
                }
                if bytes.isEmpty { bytes = [UInt8(ascii: "a")] }
            }
            let framed = IMAPFramedCommand(lines: [bytes.filter { $0 != 10 && $0 != 13 }])
            switch IMAPCommandParser.parse(framed) {
            case .success: parsed += 1
            case .failure(let error): #expect(!error.message.isEmpty)
            }
        }
        #expect(parsed > 100)
    }

    @Test func mimeInputsNeverBreakTheBuilders() {
        var rng = SplitMix64(seed: 0xB0D1)
        let shapes = [MIMEFixtures.plain, MIMEFixtures.alternative, MIMEFixtures.attachment, MIMEFixtures.forwarded, MIMEFixtures.groups]
        for _ in 0..<300 {
            var message = shapes.randomElement(using: &rng)!
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let index = Int.random(in: 0..<message.count, using: &rng)
                if Bool.random(using: &rng) { message.remove(at: index) } else { message.insert(UInt8.random(in: 0...255, using: &rng), at: index) }
            }
            let tree = MIMEPart.parse(message)
            let structure = IMAPBodyStructure(tree)
            let envelope = IMAPEnvelope(header: tree.header)
            _ = IMAPResponseEncoder().encode(.untagged(.fetch(1, [.bodyStructure(structure), .envelope(envelope)])))
            for path in [[], [1], [2], [1, 1], [2, 1], [2, 2, 1]] {
                for text in [nil, IMAPSectionText.header, .text, .mime, .headerFields(["subject"])] {
                    _ = IMAPSectionExtractor.extract(IMAPSection(part: path, text: text), from: message, tree: tree)
                }
                _ = IMAPBinaryDecoder.decode(part: path, from: message, tree: tree)
            }
        }
    }
}
