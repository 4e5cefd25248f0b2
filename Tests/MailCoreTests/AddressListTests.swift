import Testing
@testable import MailCore

@Suite struct AddressListTests {
    private typealias Expected = (name: String?, address: String, group: String?)

    private func check(_ text: String, _ expected: [Expected]) {
        let parsed = AddressList.parse(text)
        #expect(parsed.map(\.displayName) == expected.map(\.name), "\(text)")
        #expect(parsed.map(\.addressString) == expected.map(\.address), "\(text)")
        #expect(parsed.map(\.groupName) == expected.map(\.group), "\(text)")
    }

    /// RFC 5322 Appendix A.1.2.
    @Test func differentTypesOfMailboxes() {
        check("Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>", [
            ("Mary Smith", "mary@x.test", nil), (nil, "jdoe@example.org", nil), ("Who?", "one@y.test", nil),
        ])
        check("<boss@nil.test>, \"Giant; \\\"Big\\\" Box\" <sysservices@example.net>", [
            (nil, "boss@nil.test", nil), ("Giant; \"Big\" Box", "sysservices@example.net", nil),
        ])
        check("\"Joe Q. Public\" <john.q.public@example.com>", [("Joe Q. Public", "john.q.public@example.com", nil)])
    }

    /// RFC 5322 Appendix A.1.3.
    @Test func groups() {
        check("A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;", [
            ("Ed Jones", "c@a.test", "A Group"), (nil, "joe@where.test", "A Group"), ("John", "jdoe@one.test", "A Group"),
        ])
        check("Undisclosed recipients:;", [])
        check("undisclosed-recipients:;, after@x.test", [(nil, "after@x.test", nil)])
    }

    /// RFC 5322 Appendix A.5.
    @Test func whiteSpaceCommentsAndOddities() {
        check("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>", [("Pete", "pete@silly.test", nil)])
        check("""
            A Group(Some people)\r\n     :Chris Jones <c@(Chris's host.)public.example>,\r\n         joe@example.org,\r\n  \
            John <jdoe@one.test> (my dear friend); (the end of the group)
            """, [
            ("Chris Jones", "c@public.example", "A Group"), (nil, "joe@example.org", "A Group"),
            ("John", "jdoe@one.test", "A Group"),
        ])
        check("(Empty list)(start)Hidden recipients  :(nobody(that I know))  ;", [])
    }

    /// RFC 5322 Appendix A.6.1 and A.6.3.
    @Test func obsoleteAddressing() {
        check("Joe Q. Public <john.q.public@example.com>", [("Joe Q. Public", "john.q.public@example.com", nil)])
        check("Mary Smith <@node.test:mary@example.net>, , jdoe@test  . example", [
            ("Mary Smith", "mary@example.net", nil), (nil, "jdoe@test.example", nil),
        ])
        check("<@a.test,@b.test:user@host.test>", [(nil, "user@host.test", nil)])
        check("John Doe <jdoe@machine(comment).  example>", [("John Doe", "jdoe@machine.example", nil)])
        check("Mary Smith\r\n  \r\n     <mary@example.net>", [("Mary Smith", "mary@example.net", nil)])
    }

    @Test(arguments: [
        ("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?= <keld@dkuug.dk>", "Keld Jørn Simonsen", "keld@dkuug.dk"),
        ("=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>", "André Pirard", "PIRARD@vm1.ulg.ac.be"),
        ("\"=?utf-8?b?4oKs?=\" <euro@x.test>", "€", "euro@x.test"),
        ("jdoe@example.org (John Doe)", "John Doe", "jdoe@example.org"),
        ("\"john doe\"@example.org", nil, "\"john doe\"@example.org"),
        ("\"a\\\"b\"@example.org", nil, "\"a\\\"b\"@example.org"),
        ("用户@例子.广告", nil, "用户@例子.广告"),
        ("Jörg <jörg@bücher.example>", "Jörg", "jörg@bücher.example"),
        ("user@[192.0.2.1]", nil, "user@[192.0.2.1]"),
    ] as [(String, String?, String)])
    func displayNamesAndAddressForms(text: String, name: String?, address: String) {
        check(text, [(name, address, nil)])
    }

    @Test(arguments: [
        ("John Doe", ["\"John Doe\""]),
        ("\"unterminated <a@b.test>", ["\"unterminated <a@b.test>\""]),
        ("Name (unterminated comment <a@b.test>", ["Name"]),
        ("Broken <a@b.test, c@d.test", ["a@b.test", "c@d.test"]),
        (",,, ;;; <>, ()", []),
        ("a@b@c.test", ["\"a@b\"@c.test"]),
        ("<<<a@b.test>>>", ["a@b.test"]),
        ("group: a@b.test", ["a@b.test"]),
    ] as [(String, [String])])
    func toleratesMalformedLists(text: String, addresses: [String]) {
        #expect(AddressList.parse(text).map(\.addressString) == addresses)
    }

    @Test func limitsNumberOfAddresses() {
        let text = Array(repeating: "a@b.test", count: 50).joined(separator: ",")
        #expect(AddressList.parse(text, maxAddresses: 7).count == 7)
        #expect(AddressList.parse(text).count == 50)
    }

    @Test(arguments: [
        ("local", "example.com", "local@example.com"),
        ("first.last", "example.com", "first.last@example.com"),
        ("with space", "example.com", "\"with space\"@example.com"),
        (".dot", "example.com", "\".dot\"@example.com"),
        ("a..b", "example.com", "\"a..b\"@example.com"),
        ("", "example.com", "\"\"@example.com"),
        ("üser", "exämple.com", "üser@exämple.com"),
        ("x", "", "x"),
    ])
    func addressStringQuotesOnlyWhenNeeded(local: String, domain: String, expected: String) {
        #expect(MailboxAddress(localPart: local, domain: domain).addressString == expected)
    }
}
