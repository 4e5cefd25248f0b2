import CarrierConfig
import Testing

@Suite struct MainCFParserTests {
    @Test func parsesCommentsBlankLinesContinuationsAndTrailingSpace() throws {
        let text = """
            # Carrier test configuration
            myhostname = mx.example.org   \t

              # an indented comment is still a comment
            mydestination = $myhostname,
                localhost.$mydomain,
            \tlocalhost
            smtpd_banner=$myhostname ESMTP # not a comment
            empty =
            """
        let entries = try MainCFParser.parse(text: text, path: "carrier.cf")
        #expect(entries.map(\.key) == ["myhostname", "mydestination", "smtpd_banner", "empty"])
        #expect(entries.map(\.value) == [
            "mx.example.org",
            "$myhostname, localhost.$mydomain, localhost",
            "$myhostname ESMTP # not a comment",
            "",
        ])
        #expect(entries.map(\.location.line) == [2, 5, 8, 9])
        #expect(entries.allSatisfy { $0.location.file == "carrier.cf" })
    }

    @Test func continuationSkipsCommentLinesInBetween() throws {
        let entries = try MainCFParser.parse(text: "mynetworks = 127.0.0.0/8\n# comment\n  [::1]/128\n", path: "x")
        #expect(entries == [ConfigEntry(key: "mynetworks", value: "127.0.0.0/8 [::1]/128",
                                        location: ConfigLocation(file: "x", line: 1))])
    }

    @Test func acceptsCRLFLineEnds() throws {
        let entries = try MainCFParser.parse(text: "a = 1\r\nb = 2\r\n  3\r\n", path: "x")
        #expect(entries.map(\.value) == ["1", "2 3"])
        #expect(entries.map(\.location.line) == [1, 2])
    }

    @Test func laterAssignmentWins() throws {
        let configuration = try Fixture.load("mail_name = First\nsyslog_name = s\nmail_name = Second\n")
        #expect(try configuration.expandedValue("mail_name") == "Second")
        #expect(configuration.entry(for: "mail_name")?.location.line == 3)
        #expect(configuration.entries.count == 3)
        #expect(configuration.effectiveEntries.map(\.key) == ["syslog_name", "mail_name"])
    }

    @Test(arguments: [
        ("myhostname = a\njust some words\n", #"carrier.cf:2: expected "name = value", found "just some words""#),
        ("  indented = 1\n", "carrier.cf:1: continuation line (starting with white space) with no line before it"),
        ("# only a comment\n\n   \n  x = 1\n", "carrier.cf:4: continuation line (starting with white space) with no line before it"),
        ("bad key = 1\n", #"carrier.cf:1: invalid parameter name "bad key""#),
        ("= value\n", #"carrier.cf:1: invalid parameter name """#),
        ("a = 1\nkey$ = 2\n", #"carrier.cf:2: invalid parameter name "key$""#),
    ])
    func rejectsMalformedLines(text: String, expected: String) {
        #expect(Fixture.errorText { _ = try MainCFParser.parse(text: text, path: "carrier.cf") } == expected)
    }

    @Test(arguments: ["myhostname", "smtp_tls_CAfile", "a.b-c_d", "9lives"])
    func acceptsParameterNames(name: String) {
        #expect(MainCFParser.isParameterName(name))
    }

    @Test(arguments: ["", "a b", "a$b", "ä", "a/b", "a:b"])
    func rejectsParameterNames(name: String) {
        #expect(!MainCFParser.isParameterName(name))
    }
}
