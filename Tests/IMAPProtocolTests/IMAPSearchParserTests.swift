import Testing
@testable import IMAPProtocol

/// SEARCH (RFC 9051 §6.4.4 examples, RFC 4731, RFC 5182, RFC 7162 §3.1.5).
@Suite struct IMAPSearchParserTests {
    typealias P = ParserDriver

    static func keys(_ line: String) -> IMAPSearchCommand? {
        guard case .search(let search, _) = P.command(line) else { return nil }
        return search
    }

    static let feb1994 = IMAPDate(year: 1994, month: 2, day: 1)!

    @Test func rfcExamples() {
        #expect(Self.keys("A282 SEARCH RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"")
            == IMAPSearchCommand(returnOptions: [.min, .count], keys: [.flagged, .since(Self.feb1994), .not(.from("Smith"))]))
        #expect(Self.keys("A283 SEARCH RETURN () FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"")?.returnOptions == [.all])
        #expect(Self.keys("A284 SEARCH TEXT \"string not in mailbox\"") == IMAPSearchCommand(keys: [.text("string not in mailbox")]))
        #expect(Self.keys("A285 SEARCH CHARSET UTF-8 TEXT {12+}\r\n\u{43a}\u{43e}\u{448}\u{43a}\u{430}\u{301}")
            == IMAPSearchCommand(charset: "UTF-8", keys: [.text("\u{43a}\u{43e}\u{448}\u{43a}\u{430}\u{301}")]))
        #expect(Self.keys("A301 SEARCH RETURN (SAVE) SINCE 19-Mar-2007 NOT FROM \"Smith\"")?.returnOptions == [.save])
        #expect(Self.keys("A303 SEARCH UID $ SMALLER 4096")
            == IMAPSearchCommand(keys: [.uid(.lastResult), .smaller(4096)]))
    }

    @Test func everyKey() {
        let date = IMAPDate(year: 2024, month: 12, day: 31)!
        let line = "a SEARCH ALL ANSWERED BCC b BEFORE 31-Dec-2024 BODY x CC c DELETED DRAFT FLAGGED FROM f "
            + "HEADER X-Mailer \"\" KEYWORD $Forwarded LARGER 100 NEW NOT SEEN OLD ON \"31-dec-2024\" OR SEEN UNSEEN "
            + "RECENT SEEN SENTBEFORE 31-Dec-2024 SENTON 31-Dec-2024 SENTSINCE 31-Dec-2024 SINCE 31-Dec-2024 "
            + "SMALLER 5 SUBJECT s TEXT t TO t2 UID 1:* UNANSWERED UNDELETED UNDRAFT UNFLAGGED UNKEYWORD k UNSEEN 2,4:*"
        let expected: [IMAPSearchKey] = [
            .all, .answered, .bcc("b"), .before(date), .body("x"), .cc("c"), .deleted, .draft, .flagged, .from("f"),
            .header("X-Mailer", ""), .keyword("$Forwarded"), .larger(100), .new, .not(.seen), .old, .on(date), .or(.seen, .unseen),
            .recent, .seen, .sentBefore(date), .sentOn(date), .sentSince(date), .since(date), .smaller(5), .subject("s"),
            .text("t"), .to("t2"), .uid(P.set("1:*")), .unanswered, .undeleted, .undraft, .unflagged, .unkeyword("k"),
            .unseen, .sequenceNumbers(P.set("2,4:*")),
        ]
        #expect(Self.keys(line)?.keys == expected)
    }

    @Test func nestingOrAndNot() {
        #expect(Self.keys("a SEARCH OR (FROM a SUBJECT b) NOT (TO c)")?.keys
            == [.or(.and([.from("a"), .subject("b")]), .not(.to("c")))])
        #expect(Self.keys("a SEARCH ((((SEEN))))")?.keys == [.seen])
        #expect(Self.keys("a SEARCH OR OR SEEN DRAFT DELETED")?.keys == [.or(.or(.seen, .draft), .deleted)])
        #expect(Self.keys("a SEARCH $")?.keys == [.sequenceNumbers(.lastResult)])
        #expect(IMAPSearchCommand(keys: [.seen, .draft]).criteria == .and([.seen, .draft]))
    }

    /// RFC 7162 §3.1.5 example.
    @Test func modSeqKey() {
        #expect(Self.keys("a SEARCH MODSEQ \"/flags/\\\\draft\" all 620162338")?.keys
            == [.modSeq(IMAPModSeqEntry(flag: .draft, kind: .all), 620162338)])
        #expect(Self.keys("t SEARCH OR NOT MODSEQ 720162338 LARGER 50000")?.keys
            == [.or(.not(.modSeq(nil, 720162338)), .larger(50000))])
    }

    @Test func charsetDecodesLiterals() {
        let latin1: [UInt8] = Array("a SEARCH CHARSET ISO-8859-1 SUBJECT {1+}\r\n".utf8) + [0xE9] + Array("\r\n".utf8)
        let commands = FramerDriver.whole(latin1).commands
        guard case .success(let tagged) = IMAPCommandParser.parse(commands[0]),
              case .search(let search, _) = tagged.command else { Issue.record(); return }
        #expect(search.keys == [.subject("\u{e9}")])
        #expect(search.charset == "ISO-8859-1")
    }

    @Test(arguments: [
        "a SEARCH", "a SEARCH BOGUS", "a SEARCH FROM", "a SEARCH SINCE 1-Foo-2000", "a SEARCH SINCE 32-Jan-2000",
        "a SEARCH (SEEN", "a SEARCH SEEN)", "a SEARCH OR SEEN", "a SEARCH RETURN (BOGUS) ALL", "a SEARCH 0",
        "a SEARCH 1:", "a SEARCH LARGER x", "a SEARCH  SEEN", "a SEARCH MODSEQ \"/flags/\\\\seen\" bogus 1",
        "a SEARCH CHARSET", "a SEARCH UID 4294967296",
    ])
    func badSearches(line: String) {
        #expect(P.error(line)?.kind == .syntax)
    }

    @Test func deepNestingIsRefused() {
        let deep = "a SEARCH " + String(repeating: "(", count: 100) + "SEEN" + String(repeating: ")", count: 100)
        #expect(P.error(deep)?.kind == .tooComplex)
        let nots = "a SEARCH " + String(repeating: "NOT ", count: 100) + "SEEN"
        #expect(P.error(nots)?.kind == .tooComplex)
        let ok = "a SEARCH " + String(repeating: "(", count: 60) + "SEEN" + String(repeating: ")", count: 60)
        #expect(P.command(ok) != nil)
        let many = "a SEARCH " + Array(repeating: "SEEN", count: 50).joined(separator: " ")
        #expect(P.error(many, limits: IMAPParserLimits(maxSearchKeys: 10))?.kind == .tooComplex)
    }

    @Test func tooManyRangesIsRefused() {
        let set = (1...200).map { "\($0 * 2)" }.joined(separator: ",")
        #expect(P.error("a FETCH \(set) UID", limits: IMAPParserLimits(maxSequenceRanges: 100))?.kind == .tooComplex)
        #expect(P.command("a FETCH \(set) UID") != nil)
    }
}
