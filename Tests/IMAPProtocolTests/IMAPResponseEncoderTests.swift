import Testing
@testable import IMAPProtocol

/// Responses as RFC 9051 §7 and the extension RFCs show them.
@Suite struct IMAPResponseEncoderTests {
    static func text(_ response: IMAPResponse, utf8: Bool = false) -> String {
        String(decoding: IMAPResponseEncoder(utf8: utf8).encode(response), as: UTF8.self)
    }

    static func untagged(_ data: IMAPUntaggedResponse, utf8: Bool = false) -> String {
        text(.untagged(data), utf8: utf8)
    }

    @Test func statusResponses() {
        #expect(Self.text(.tagged(tag: "A142", .ok, code: .readWrite, text: "SELECT completed")) == "A142 OK [READ-WRITE] SELECT completed\r\n")
        #expect(Self.text(.tagged(tag: "a", .bad, text: "Unknown command")) == "a BAD Unknown command\r\n")
        #expect(Self.text(.tagged(tag: "a", .no, code: .tryCreate, text: "")) == "a NO [TRYCREATE] NO\r\n")
        #expect(Self.text(.tagged(tag: "a", .ok, text: "")) == "a OK OK\r\n")
        #expect(Self.untagged(.condition(.bye, text: "IMAP4rev2 Server logging out")) == "* BYE IMAP4rev2 Server logging out\r\n")
        #expect(Self.untagged(.condition(.preauth, text: "hi")) == "* PREAUTH hi\r\n")
        #expect(Self.text(.continuation("Ready for literal data")) == "+ Ready for literal data\r\n")
        #expect(Self.text(.continuation("")) == "+ \r\n")
    }

    @Test func textIsSanitised() {
        #expect(Self.text(.tagged(tag: "a", .no, text: "line\r\nbreak")) == "a NO line  break\r\n")
        #expect(Self.text(.tagged(tag: "a", .no, text: "caf\u{e9}")) == "a NO caf?\r\n")
        #expect(Self.text(.tagged(tag: "a", .no, text: "caf\u{e9}"), utf8: true) == "a NO caf\u{e9}\r\n")
    }

    @Test(arguments: [
        (IMAPResponseCode.alert, "ALERT"), (.alreadyExists, "ALREADYEXISTS"), (.authenticationFailed, "AUTHENTICATIONFAILED"),
        (.appendUID(uidValidity: 38505, uids: IMAPNumberSet([3955])), "APPENDUID 38505 3955"),
        (.copyUID(uidValidity: 38505, source: IMAPNumberSet(preservingOrder: [304, 319, 320]), destination: IMAPNumberSet([3956, 3957, 3958])),
         "COPYUID 38505 304,319:320 3956:3958"),
        (.permanentFlags([.deleted, .seen], allowsNewKeywords: true), "PERMANENTFLAGS (\\Deleted \\Seen \\*)"),
        (.uidNext(4392), "UIDNEXT 4392"), (.uidValidity(3857529045), "UIDVALIDITY 3857529045"),
        (.highestModSeq(715194045007), "HIGHESTMODSEQ 715194045007"), (.modified(IMAPNumberSet([7, 9])), "MODIFIED 7,9"),
        (.readOnly, "READ-ONLY"), (.readWrite, "READ-WRITE"), (.tryCreate, "TRYCREATE"),
        (.capability(["IMAP4rev2", "IDLE"]), "CAPABILITY IMAP4rev2 IDLE"),
        (.unavailable, "UNAVAILABLE"), (.overQuota, "OVERQUOTA"), (.tooBig, "TOOBIG"), (.nonExistent, "NONEXISTENT"),
        (.cannot, "CANNOT"), (.limit, "LIMIT"), (.inUse, "INUSE"), (.closed, "CLOSED"), (.noPerm, "NOPERM"),
        (.serverBug, "SERVERBUG"), (.noModSeq, "NOMODSEQ"), (.uidNotSticky, "UIDNOTSTICKY"), (.contactAdmin, "CONTACTADMIN"),
        (.unknownCTE, "UNKNOWN-CTE"), (.badCharset(["UTF-8"]), "BADCHARSET (UTF-8)"), (.badCharset([]), "BADCHARSET"),
        (.other("X-THING", "a]b"), "X-THING ab"), (.useAttribute, "USEATTR"), (.compressionActive, "COMPRESSIONACTIVE"),
    ])
    func responseCodes(code: IMAPResponseCode, expected: String) {
        #expect(Self.untagged(.condition(.ok, code: code, text: "t")) == "* OK [\(expected)] t\r\n")
    }

    @Test func mailboxData() {
        #expect(Self.untagged(.capability(["IMAP4rev2", "STARTTLS", "AUTH=GSSAPI", "LOGINDISABLED"]))
            == "* CAPABILITY IMAP4rev2 STARTTLS AUTH=GSSAPI LOGINDISABLED\r\n")
        #expect(Self.untagged(.enabled(["CONDSTORE"])) == "* ENABLED CONDSTORE\r\n")
        #expect(Self.untagged(.flags([.answered, .flagged, .deleted, .seen, .draft]))
            == "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n")
        #expect(Self.untagged(.exists(23)) == "* 23 EXISTS\r\n")
        #expect(Self.untagged(.recent(5)) == "* 5 RECENT\r\n")
        #expect(Self.untagged(.expunge(44)) == "* 44 EXPUNGE\r\n")
        #expect(Self.untagged(.vanished(IMAPNumberSet(normalizing: [41...41, 43...116, 118...118, 120...211, 214...540]), earlier: true))
            == "* VANISHED (EARLIER) 41,43:116,118,120:211,214:540\r\n")
        #expect(Self.untagged(.vanished(IMAPNumberSet([405, 407, 410, 425]), earlier: false)) == "* VANISHED 405,407,410,425\r\n")
        #expect(Self.untagged(.status(mailbox: "blurdybloop", [IMAPStatusItem(.messages, 231), IMAPStatusItem(.uidNext, 44292)]))
            == "* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)\r\n")
        #expect(Self.untagged(.status(mailbox: "INBOX", [IMAPStatusItem(.appendLimit, nil)])) == "* STATUS INBOX (APPENDLIMIT NIL)\r\n")
    }

    @Test func listResponses() {
        #expect(Self.untagged(.list(IMAPListResponse(attributes: [.noSelect], mailbox: ""))) == "* LIST (\\Noselect) \"/\" \"\"\r\n")
        #expect(Self.untagged(.list(IMAPListResponse(attributes: [], delimiter: nil, mailbox: "foo bar"))) == "* LIST () NIL \"foo bar\"\r\n")
        #expect(Self.untagged(.list(IMAPListResponse(attributes: [.hasNoChildren, .sent], mailbox: "Sent Items")))
            == "* LIST (\\HasNoChildren \\Sent) \"/\" \"Sent Items\"\r\n")
        #expect(Self.untagged(.list(IMAPListResponse(attributes: [], mailbox: "Foo", childInfo: ["SUBSCRIBED"])))
            == "* LIST () \"/\" Foo (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n")
        #expect(Self.untagged(.list(IMAPListResponse(attributes: [], mailbox: "NewName", oldName: "OldName")))
            == "* LIST () \"/\" NewName (\"OLDNAME\" (OldName))\r\n")
        #expect(Self.untagged(.lsub(IMAPListResponse(attributes: [], mailbox: "NIL"))) == "* LSUB () \"/\" \"NIL\"\r\n")
    }

    /// RFC 9051 §5.1, RFC 6855 §3: names in modified UTF-7 unless UTF-8 is on.
    @Test func mailboxNamesFollowTheUTF8Setting() {
        let item = IMAPUntaggedResponse.list(IMAPListResponse(attributes: [], mailbox: "Entw\u{00FC}rfe"))
        #expect(Self.untagged(item) == "* LIST () \"/\" Entw&APw-rfe\r\n")
        #expect(Self.untagged(item, utf8: true) == "* LIST () \"/\" \"Entw\u{00FC}rfe\"\r\n")
        #expect(Self.untagged(.status(mailbox: "\u{65E5}", [])) == "* STATUS &ZeU- ()\r\n")
    }

    @Test func searchResponses() {
        #expect(Self.untagged(.search([2, 84, 882])) == "* SEARCH 2 84 882\r\n")
        #expect(Self.untagged(.search([])) == "* SEARCH\r\n")
        #expect(Self.untagged(.search([2, 5, 6], modSeq: 917162500)) == "* SEARCH 2 5 6 (MODSEQ 917162500)\r\n")
        #expect(Self.untagged(.sort([2, 84, 882])) == "* SORT 2 84 882\r\n")
        #expect(Self.untagged(.esearch(IMAPESearchResponse(tag: "A282", uid: false, min: 2, count: 3)))
            == "* ESEARCH (TAG \"A282\") MIN 2 COUNT 3\r\n")
        #expect(Self.untagged(.esearch(IMAPESearchResponse(tag: "A283", uid: true, all: IMAPNumberSet([2, 10, 11]), modSeq: 9)))
            == "* ESEARCH (TAG \"A283\") UID ALL 2,10:11 MODSEQ 9\r\n")
        #expect(Self.untagged(.esearch(IMAPESearchResponse(tag: "A284", uid: false, count: 0, all: IMAPNumberSet([]))))
            == "* ESEARCH (TAG \"A284\") COUNT 0\r\n")
    }

    /// RFC 5256 §4 examples.
    @Test func threadResponses() {
        let thread = [
            IMAPThreadNode([2]),
            IMAPThreadNode([3, 6], [IMAPThreadNode([4, 23]), IMAPThreadNode([44, 7, 96])]),
        ]
        #expect(Self.untagged(.thread(thread)) == "* THREAD (2)(3 6 (4 23)(44 7 96))\r\n")
        #expect(Self.untagged(.thread([IMAPThreadNode([], [IMAPThreadNode([3]), IMAPThreadNode([5])])])) == "* THREAD ((3)(5))\r\n")
        #expect(Self.untagged(.thread([IMAPThreadNode([1], [IMAPThreadNode([2], [IMAPThreadNode([3])])])])) == "* THREAD (1 2 3)\r\n")
        #expect(Self.untagged(.thread([])) == "* THREAD\r\n")
        #expect(Self.untagged(.thread([IMAPThreadNode(Array(1...100_000))])).hasSuffix(" 99999 100000)\r\n"))
        var branching = IMAPThreadNode([2_000])
        for number in (1..<2_000).reversed() { branching = IMAPThreadNode([UInt32(number)], [branching, IMAPThreadNode([0])]) }
        #expect(Self.untagged(.thread([branching])).hasPrefix("* THREAD (1 (2 (3 (4 "))
    }

    @Test func otherData() {
        #expect(Self.untagged(.id([IMAPIDField("name", "Carrier"), IMAPIDField("os", nil)])) == "* ID (\"name\" \"Carrier\" \"os\" NIL)\r\n")
        #expect(Self.untagged(.id(nil)) == "* ID NIL\r\n")
        #expect(Self.untagged(.namespace(IMAPNamespaceResponse(personal: [IMAPNamespace(prefix: "", delimiter: "/")])))
            == "* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n")
        #expect(Self.untagged(.namespace(IMAPNamespaceResponse(
            personal: [IMAPNamespace(prefix: "", delimiter: "/")], otherUsers: [IMAPNamespace(prefix: "~", delimiter: "/")],
            shared: [IMAPNamespace(prefix: "#shared/", delimiter: "/"), IMAPNamespace(prefix: "#news.", delimiter: ".")])))
            == "* NAMESPACE ((\"\" \"/\")) ((\"~\" \"/\")) ((\"#shared/\" \"/\")(\"#news.\" \".\"))\r\n")
        #expect(Self.untagged(.quota(root: "", [IMAPQuotaResource(name: "STORAGE", usage: 10, limit: 512)])) == "* QUOTA \"\" (STORAGE 10 512)\r\n")
        #expect(Self.untagged(.quotaRoot(mailbox: "INBOX", roots: [""])) == "* QUOTAROOT INBOX \"\"\r\n")
    }

    @Test func fetchItems() {
        let date = IMAPDateTime(parsing: "17-Jul-1996 02:44:25 -0700")!
        #expect(Self.untagged(.fetch(12, [.flags([.seen]), .internalDate(date), .rfc822Size(4286), .uid(4827313), .modSeq(624140003)]))
            == "* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 4286 UID 4827313 MODSEQ (624140003))\r\n")
        let header = Array("Subject: x\r\n\r\n".utf8)
        #expect(Self.untagged(.fetch(1, [.bodySection(IMAPSection(text: .header), origin: nil, data: header)]))
            == "* 1 FETCH (BODY[HEADER] {14}\r\nSubject: x\r\n\r\n)\r\n")
        #expect(Self.untagged(.fetch(1, [.bodySection(IMAPSection(part: [1]), origin: 100, data: Array("abc".utf8))]))
            == "* 1 FETCH (BODY[1]<100> {3}\r\nabc)\r\n")
        #expect(Self.untagged(.fetch(1, [.bodySection(IMAPSection(part: [9]), origin: nil, data: nil)])) == "* 1 FETCH (BODY[9] NIL)\r\n")
        #expect(Self.untagged(.fetch(1, [.binary(part: [1], origin: nil, data: [0x61, 0, 0x62])])) == "* 1 FETCH (BINARY[1] ~{3}\r\na\u{0}b)\r\n")
        #expect(Self.untagged(.fetch(1, [.binary(part: [1, 2], origin: 5, data: [0x61])])) == "* 1 FETCH (BINARY[1.2]<5> {1}\r\na)\r\n")
        #expect(Self.untagged(.fetch(1, [.binarySize(part: [1], size: 2345)])) == "* 1 FETCH (BINARY.SIZE[1] 2345)\r\n")
        #expect(Self.untagged(.fetch(1, [.rfc822(Array("x".utf8)), .rfc822Header(nil), .rfc822Text([])]))
            == "* 1 FETCH (RFC822 {1}\r\nx RFC822.HEADER NIL RFC822.TEXT {0}\r\n)\r\n")
        #expect(Self.untagged(.fetch(1, [.bodySection(IMAPSection(text: .headerFields(["DATE", "FROM"])), origin: nil, data: [])]))
            == "* 1 FETCH (BODY[HEADER.FIELDS (DATE FROM)] {0}\r\n)\r\n")
    }

    @Test func stringsPickTheirForm() {
        func env(_ subject: String, utf8: Bool = false) -> String {
            Self.untagged(.fetch(1, [.envelope(IMAPEnvelope(subject: subject))]), utf8: utf8)
        }
        #expect(env("plain") == "* 1 FETCH (ENVELOPE (NIL \"plain\" NIL NIL NIL NIL NIL NIL NIL NIL))\r\n")
        #expect(env("say \"hi\" \\o/") == "* 1 FETCH (ENVELOPE (NIL \"say \\\"hi\\\" \\\\o/\" NIL NIL NIL NIL NIL NIL NIL NIL))\r\n")
        #expect(env("two\r\nlines") == "* 1 FETCH (ENVELOPE (NIL {10}\r\ntwo\r\nlines NIL NIL NIL NIL NIL NIL NIL NIL))\r\n")
        #expect(env("caf\u{e9}") == "* 1 FETCH (ENVELOPE (NIL {5}\r\ncaf\u{e9} NIL NIL NIL NIL NIL NIL NIL NIL))\r\n")
        #expect(env("caf\u{e9}", utf8: true) == "* 1 FETCH (ENVELOPE (NIL \"caf\u{e9}\" NIL NIL NIL NIL NIL NIL NIL NIL))\r\n")
        #expect(env(String(repeating: "x", count: 2000)).contains("{2000}\r\n"))
    }

    @Test func severalResponsesConcatenate() {
        let bytes = IMAPResponseEncoder().encode([.untagged(.exists(1)), .tagged(tag: "a", .ok, text: "done")])
        #expect(String(decoding: bytes, as: UTF8.self) == "* 1 EXISTS\r\na OK done\r\n")
    }
}
