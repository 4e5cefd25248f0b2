import CarrierConfig
import Testing

@Suite struct ConfigReportTests {
    static let text = """
        # site settings
        smtpd_banner = $myhostname ESMTP
        myhostname = mx.example.org
        relayhost =
        mynetworks = 127.0.0.0/8,
            10.0.0.0/8
        myhostname = mail.example.org
        site_root = /srv
        data_directory = $site_root/carrier
        """

    @Test func nonDefaultListsTheFileSortedAsWritten() throws {
        let configuration = try Fixture.load(Self.text)
        #expect(ConfigReport.nonDefault(configuration) == """
            data_directory = $site_root/carrier
            myhostname = mail.example.org
            mynetworks = 127.0.0.0/8, 10.0.0.0/8
            relayhost =
            site_root = /srv
            smtpd_banner = $myhostname ESMTP

            """)
    }

    @Test func nonDefaultOfNoFileIsEmpty() throws {
        #expect(ConfigReport.nonDefault(try Fixture.load("")) == "")
    }

    @Test func valuesAreExpandedInTheOrderAsked() throws {
        let configuration = try Fixture.load(Self.text)
        let report = try ConfigReport.values(
            configuration, keys: ["smtpd_banner", "queue_directory", "mydomain", "site_root", "relayhost"])
        #expect(report == """
            smtpd_banner = mail.example.org ESMTP
            queue_directory = /srv/carrier/queue
            mydomain = example.org
            site_root = /srv
            relayhost =

            """)
    }

    @Test(arguments: ["bogus", "smtpd_bogus", "MYHOSTNAME"])
    func valuesRejectUnknownParameters(key: String) throws {
        let configuration = try Fixture.load(Self.text)
        #expect(Fixture.errorText { _ = try ConfigReport.values(configuration, keys: ["myhostname", key]) }
            == "unknown parameter: \(key)")
    }

    @Test func defaultsListEveryKnownParameterSorted() {
        let lines = ConfigReport.defaults(Fixture.table).split(separator: "\n").map(String.init)
        #expect(lines.count == Fixture.table.definitions.count)
        #expect(lines == lines.sorted())
        #expect(lines.contains("mydomain = example.com"))
        #expect(lines.contains("mydestination = $myhostname, localhost.$mydomain, localhost"))
        #expect(lines.contains("myhostname = mail.example.com"))
        #expect(lines.contains("relayhost ="))
        #expect(lines.contains("disable_vrfy_command = yes"))
    }
}
