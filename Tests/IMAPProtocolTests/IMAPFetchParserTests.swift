import Testing
@testable import IMAPProtocol

/// FETCH (RFC 9051 §6.4.5 examples, RFC 3516 §4.2, RFC 7162 §3.1.4, §3.2.6).
@Suite struct IMAPFetchParserTests {
    typealias P = ParserDriver

    static func request(_ line: String) -> IMAPFetchRequest? {
        guard case .fetch(_, let request, _) = P.command(line) else { return nil }
        return request
    }

    static func attributes(_ line: String) -> [IMAPFetchAttribute]? {
        request(line)?.attributes
    }

    @Test func macros() {
        #expect(Self.attributes("a FETCH 1 ALL") == [.flags, .internalDate, .rfc822Size, .envelope])
        #expect(Self.attributes("a FETCH 1 fast") == [.flags, .internalDate, .rfc822Size])
        #expect(Self.attributes("a FETCH 1 FULL") == [.flags, .internalDate, .rfc822Size, .envelope, .body])
    }

    @Test func rfcExamples() {
        #expect(Self.attributes("A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])")
            == [.flags, .bodySection(IMAPSection(text: .headerFields(["DATE", "FROM"])), partial: nil, peek: false)])
        guard case .fetch(let set, _, let uid) = P.command("A999 UID FETCH 4827313:4828442 FLAGS") else { Issue.record(); return }
        #expect(set == P.set("4827313:4828442") && uid)
    }

    @Test func simpleItems() {
        #expect(Self.attributes("a FETCH 1 (ENVELOPE FLAGS INTERNALDATE RFC822 RFC822.HEADER RFC822.TEXT RFC822.SIZE BODY BODYSTRUCTURE UID MODSEQ)")
            == [.envelope, .flags, .internalDate, .rfc822, .rfc822Header, .rfc822Text, .rfc822Size, .body, .bodyStructure, .uid, .modSeq])
        #expect(Self.attributes("a FETCH * body") == [.body])
    }

    @Test func sections() {
        let cases: [(String, IMAPSection)] = [
            ("BODY[]", IMAPSection()),
            ("BODY[HEADER]", IMAPSection(text: .header)),
            ("BODY[TEXT]", IMAPSection(text: .text)),
            ("BODY[1]", IMAPSection(part: [1])),
            ("BODY[4.2.2.1]", IMAPSection(part: [4, 2, 2, 1])),
            ("BODY[3.HEADER]", IMAPSection(part: [3], text: .header)),
            ("BODY[3.TEXT]", IMAPSection(part: [3], text: .text)),
            ("BODY[2.MIME]", IMAPSection(part: [2], text: .mime)),
            ("BODY[4.2.HEADER.FIELDS.NOT (Subject \"X-Y\")]", IMAPSection(part: [4, 2], text: .headerFieldsNot(["Subject", "X-Y"]))),
        ]
        for (item, section) in cases {
            #expect(Self.attributes("a FETCH 1 \(item)") == [.bodySection(section, partial: nil, peek: false)], "\(item)")
            #expect(section.description == item.dropFirst(5).dropLast().description.replacingQuotes(), "\(item)")
        }
    }

    @Test func peekAndPartial() {
        #expect(Self.attributes("a FETCH 1 (BODY.PEEK[HEADER]<0.1024> BODY[]<100.5>)")
            == [.bodySection(IMAPSection(text: .header), partial: IMAPPartial(offset: 0, length: 1024), peek: true),
                .bodySection(IMAPSection(), partial: IMAPPartial(offset: 100, length: 5), peek: false)])
        #expect(Self.attributes("a FETCH 1 BODY.PEEK[1]")?.first?.setsSeen == false)
        #expect(Self.attributes("a FETCH 1 BODY[1]")?.first?.setsSeen == true)
    }

    /// RFC 3516 §4.2 / RFC 9051 §6.4.5.
    @Test func binaryItems() {
        #expect(Self.attributes("a FETCH 1 (BINARY[1.2]<0.10> BINARY.PEEK[3] BINARY.SIZE[1] BINARY[])")
            == [.binary(part: [1, 2], partial: IMAPPartial(offset: 0, length: 10), peek: false),
                .binary(part: [3], partial: nil, peek: true), .binarySize(part: [1]), .binary(part: [], partial: nil, peek: false)])
    }

    /// RFC 7162 §3.1.4.1 and §3.2.6 examples.
    @Test func modifiers() {
        #expect(Self.request("s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)")
            == IMAPFetchRequest(attributes: [.flags], changedSince: 12345))
        #expect(Self.request("s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)")
            == IMAPFetchRequest(attributes: [.flags], changedSince: 12345, vanished: true))
        #expect(P.error("a FETCH 1:* FLAGS (CHANGEDSINCE 1 VANISHED)")?.kind == .syntax)
        #expect(P.error("a UID FETCH 1:* FLAGS (VANISHED)")?.kind == .syntax)
    }

    @Test(arguments: [
        "a FETCH 1", "a FETCH 1 ()", "a FETCH 1 BOGUS", "a FETCH 1 BODY[", "a FETCH 1 BODY[MIME]", "a FETCH 1 BODY[1.BOGUS]",
        "a FETCH 1 BODY[0]", "a FETCH 1 BODY[]<1>", "a FETCH 1 BODY[]<1.0>", "a FETCH 1 BODY[HEADER.FIELDS ()]",
        "a FETCH 1 BINARY[TEXT]", "a FETCH 1 BODY.PEEK", "a FETCH 1 (FLAGS", "a FETCH 1 FLAGS (BOGUS 1)", "a FETCH x FLAGS",
        "a FETCH 1,,2 FLAGS", "a FETCH 1 FLAGS FLAGS",
    ])
    func badFetches(line: String) {
        #expect(P.error(line)?.kind == .syntax)
    }

    @Test func deepPartPathIsRefused() {
        let path = (1...200).map { _ in "1" }.joined(separator: ".")
        #expect(P.error("a FETCH 1 BODY[\(path)]")?.kind == .tooComplex)
    }
}

extension String {
    /// The test's section text as `IMAPSection.description` spells it.
    fileprivate func replacingQuotes() -> String {
        self == "4.2.HEADER.FIELDS.NOT (Subject \"X-Y\")" ? "4.2.HEADER.FIELDS.NOT (Subject X-Y)" : self
    }
}
