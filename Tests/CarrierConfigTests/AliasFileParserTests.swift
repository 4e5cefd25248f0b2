import CarrierConfig
import Testing

@Suite struct AliasFileParserTests {
    @Test func parsesEveryTargetKind() throws {
        let text = """
            # /etc/aliases
            postmaster: root
            MAILER-DAEMON: postmaster

            Root: alice, bob@example.com,
              "carol smith"@example.org
            lists: :include:/etc/carrier/lists.txt
            vacation: "|/usr/bin/vacation alice, with comma"
            pipe: |/usr/local/bin/filter
            archive: /var/mail/archive
                # a comment between continuation lines
              , dave
            "quoted name": eve
            """
        let entries = try AliasFileParser.parse(text: text, path: "aliases")
        #expect(entries == [
            AliasEntry(name: "postmaster", targets: [.address("root")], line: 2),
            AliasEntry(name: "mailer-daemon", targets: [.address("postmaster")], line: 3),
            AliasEntry(name: "root", targets: [
                .address("alice"), .address("bob@example.com"), .address("\"carol smith\"@example.org"),
            ], line: 5),
            AliasEntry(name: "lists", targets: [.include("/etc/carrier/lists.txt")], line: 7),
            AliasEntry(name: "vacation", targets: [.command("/usr/bin/vacation alice, with comma")], line: 8),
            AliasEntry(name: "pipe", targets: [.command("/usr/local/bin/filter")], line: 9),
            AliasEntry(name: "archive", targets: [.file("/var/mail/archive"), .address("dave")], line: 10),
            AliasEntry(name: "quoted name", targets: [.address("eve")], line: 13),
        ])
    }

    @Test func emptyFileHasNoEntries() throws {
        #expect(try AliasFileParser.parse(text: "# nothing\n\n", path: "aliases").isEmpty)
    }

    @Test(arguments: [
        ("root: alice\nno colon here\n", #"aliases:2: expected "name: target, ...", found "no colon here""#),
        ("root: alice\n\n# c\nfoo bar: x\n", #"aliases:4: expected "name: target, ...", found "foo bar: x""#),
        (": alice\n", #"aliases:1: expected "name: target, ...", found ": alice""#),
        ("\"open: alice\n", #"aliases:1: expected "name: target, ...", found ""open: alice""#),
        ("root: alice\nempty:\n", #"aliases:2: alias "empty" has no targets"#),
        ("root: , ,\n", #"aliases:1: alias "root" has no targets"#),
        ("root: \"|cmd\n", #"aliases:1: unterminated quote in "root: "|cmd""#),
        ("  root: alice\n", "aliases:1: continuation line (starting with white space) with no line before it"),
    ])
    func reportsErrorsWithTheLine(text: String, expected: String) {
        #expect(Fixture.errorText { _ = try AliasFileParser.parse(text: text, path: "aliases") } == expected)
    }
}
