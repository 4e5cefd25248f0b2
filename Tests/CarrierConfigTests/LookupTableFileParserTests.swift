import CarrierConfig
import Testing

@Suite struct LookupTableFileParserTests {
    @Test func parsesKeysAndValues() throws {
        let text = """
            # sasl_passwd
            [smtp.example.com]:587   user@example.com:secret
            Alice@Example.COM\tlocal-alice

            long.example.org  first part
              second part
            """
        let table = try LookupTableFileParser.parse(text: text, path: "sasl_passwd")
        #expect(table.entries == [
            LookupTableEntry(key: "[smtp.example.com]:587", value: "user@example.com:secret", line: 2),
            LookupTableEntry(key: "alice@example.com", value: "local-alice", line: 3),
            LookupTableEntry(key: "long.example.org", value: "first part second part", line: 5),
        ])
        #expect(table.warnings.isEmpty)
    }

    @Test func duplicateKeysWarnAndTheFirstWins() throws {
        let text = "a 1\nb 2\n# c\nA 3\nb 4\n"
        let table = try LookupTableFileParser.parse(text: text, path: "table")
        #expect(table.entries.map(\.value) == ["1", "2"])
        #expect(table.warnings.map(\.description) == [
            "table:4: warning: duplicate entry: \"a\"",
            "table:5: warning: duplicate entry: \"b\"",
        ])
    }

    @Test(arguments: [
        ("a 1\nlonely\n", #"table:2: expected "key whitespace value", found "lonely""#),
        ("a 1\n\n# x\nb\n", #"table:4: expected "key whitespace value", found "b""#),
        ("\tvalue\n", "table:1: continuation line (starting with white space) with no line before it"),
    ])
    func reportsErrorsWithTheLine(text: String, expected: String) {
        #expect(Fixture.errorText { _ = try LookupTableFileParser.parse(text: text, path: "table") } == expected)
    }
}
