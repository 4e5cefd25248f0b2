import CarrierConfig
import Testing

@Suite struct ExpansionTests {
    @Test(arguments: [
        ("$a", "x"),
        ("${a}", "x"),
        ("$(a)", "x"),
        ("<$a.$b>", "<x.>"),
        ("$a_b", "under"),
        ("${a}_b", "x_b"),
        ("$$a", "$a"),
        ("cost 5$", "cost 5$"),
        ("$ a", "$ a"),
        ("$nosuchparameter!", "!"),
        ("${a?set}", "set"),
        ("${b?set}", ""),
        ("${a:unset}", ""),
        ("${b:unset}", "unset"),
        ("${a?[$a]}", "[x]"),
        ("$c", "x x"),
    ])
    func expandsEveryForm(value: String, expected: String) throws {
        let configuration = try Fixture.parse("a = x\nb =\na_b = under\nc = $a ${a}\nv = \(value)\n")
        #expect(try configuration.expandedValue("v") == expected)
    }

    @Test func expandsDefaultsRecursively() throws {
        let configuration = try Fixture.load("")
        #expect(try configuration.expandedValue("smtpd_banner") == "mail.example.com ESMTP Carrier")
        #expect(try configuration.expandedValue("mydestination") == "mail.example.com, localhost.example.com, localhost")
        #expect(try configuration.expandedValue("queue_directory") == "./carrier-data/queue")
        #expect(try configuration.expandedValue("alias_maps") == "hash:./carrier-data/aliases")
    }

    @Test func expansionFollowsALaterAssignment() throws {
        let configuration = try Fixture.load("mydestination = $myhostname\nmyhostname = other.example.org\n")
        #expect(try configuration.expandedValue("mydestination") == "other.example.org")
        #expect(try configuration.expandedValue("myorigin") == "other.example.org")
    }

    @Test(arguments: [
        ("myhostname = mx.corp.example\n", "corp.example"),
        ("myhostname = box\n", "localdomain"),
        ("myhostname = box.\n", "localdomain"),
        ("myhostname = mx.corp.example\nmydomain = set.example\n", "set.example"),
        ("", "example.com"),
    ])
    func mydomainFollowsTheConfiguredHostName(text: String, expected: String) throws {
        #expect(try Fixture.load(text).expandedValue("mydomain") == expected)
    }

    @Test(arguments: [
        ("a = $b\nb = ${a}\n", "a", "carrier.cf:1: a: parameter expansion loop: a -> b -> a"),
        ("a = $b\nb = ${a}\n", "b", "carrier.cf:2: b: parameter expansion loop: b -> a -> b"),
        ("x = before $(x) after\n", "x", "carrier.cf:1: x: parameter expansion loop: x -> x"),
        ("myhostname = $smtpd_banner\n", "myorigin",
         "carrier.cf:1: myhostname: parameter expansion loop: myhostname -> smtpd_banner -> myhostname"),
        ("a = ${b?$a}\nb = 1\n", "a", "carrier.cf:1: a: parameter expansion loop: a -> a"),
    ])
    func reportsExpansionLoops(text: String, key: String, expected: String) throws {
        let configuration = try Fixture.parse(text)
        #expect(Fixture.errorText { _ = try configuration.expandedValue(key) } == expected)
    }

    @Test func loadRejectsALoop() {
        #expect(Fixture.errorText { _ = try Fixture.load("mail_name = $syslog_name\nsyslog_name = $mail_name\n") }
            == "carrier.cf:1: mail_name: parameter expansion loop: mail_name -> syslog_name -> mail_name")
    }

    @Test(arguments: ["${a", "$(a", "${a)", "${}", "${bad name}"])
    func rejectsMalformedBrackets(value: String) throws {
        let configuration = try Fixture.parse("a = 1\nv = \(value)\n")
        #expect(Fixture.errorText { _ = try configuration.expandedValue("v") }
            == "carrier.cf:2: v: unbalanced \"${\" or \"$(\" or an invalid name in \"\(value)\"")
    }

    @Test func boundsExponentialExpansion() throws {
        let levels = (1...24).map { "a\($0) = $a\($0 - 1)$a\($0 - 1)" }
        let configuration = try Fixture.parse((["a0 = xxxx"] + levels).joined(separator: "\n"))
        #expect(try configuration.expandedValue("a10").count == 4096)
        #expect(Fixture.errorText { _ = try configuration.expandedValue("a24") }?
            .hasSuffix("expanded value is longer than 1048576 bytes") == true)
    }
}
