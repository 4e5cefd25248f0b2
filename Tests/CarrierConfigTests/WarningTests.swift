import CarrierConfig
import Testing

@Suite struct WarningTests {
    @Test func unknownParameterIsAWarningWithItsLine() throws {
        let text = "# 1\n# 2\n# 3\n# 4\n# 5\nmyhostname = mx.example.org\nsmtpd_bogus=1\n"
        let configuration = try Fixture.load(text)
        #expect(configuration.warnings.map(\.description) == ["carrier.cf:7: warning: unused parameter: smtpd_bogus=1"])
    }

    @Test func referencedUnknownParameterIsUsed() throws {
        let configuration = try Fixture.load("my_base = /srv/carrier\ndata_directory = ${my_base}/data\n")
        #expect(configuration.warnings.isEmpty)
        #expect(try configuration.expandedValue("queue_directory") == "/srv/carrier/data/queue")
    }

    @Test func repeatedUnknownParameterWarnsOnceAtItsLastLine() throws {
        let configuration = try Fixture.load("x_bogus = 1\nmail_name = M\nx_bogus = 2\ny_bogus = 3\n")
        #expect(configuration.warnings.map(\.description) == [
            "carrier.cf:3: warning: unused parameter: x_bogus=2",
            "carrier.cf:4: warning: unused parameter: y_bogus=3",
        ])
    }

    @Test func knownParametersRaiseNoWarning() throws {
        #expect(try Fixture.load("myhostname = a.b\nrelayhost = [smtp.example.com]:587\n").warnings.isEmpty)
    }
}
