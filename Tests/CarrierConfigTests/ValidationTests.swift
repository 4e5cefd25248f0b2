import CarrierConfig
import Testing

@Suite struct ValidationTests {
    @Test(arguments: [
        ("message_size_limit = 10MB", "message_size_limit: invalid value \"10MB\": expected a number of bytes"),
        ("message_size_limit = -1", "message_size_limit: invalid value \"-1\": expected a number of bytes"),
        ("message_size_limit =", "message_size_limit: invalid value \"\": expected a number of bytes"),
        ("message_size_limit = 99999999999999999999", "message_size_limit: invalid value \"99999999999999999999\": expected a number of bytes"),
        ("smtpd_recipient_limit = +5", "smtpd_recipient_limit: invalid value \"+5\": expected a number"),
        ("smtpd_max_line_length = 1k", "smtpd_max_line_length: invalid value \"1k\": expected a number"),
        ("smtpd_timeout = 5x", "smtpd_timeout: invalid value \"5x\": expected a time such as 30s, 10m, 2h, 5d or 1w"),
        ("smtpd_timeout = s", "smtpd_timeout: invalid value \"s\": expected a time such as 30s, 10m, 2h, 5d or 1w"),
        ("maximal_queue_lifetime = 1h30m", "maximal_queue_lifetime: invalid value \"1h30m\": expected a time such as 30s, 10m, 2h, 5d or 1w"),
        ("disable_vrfy_command = maybe", "disable_vrfy_command: invalid value \"maybe\": expected yes or no"),
        ("smtpd_sasl_auth_enable = true", "smtpd_sasl_auth_enable: invalid value \"true\": expected yes or no"),
        ("mynetworks = 127.0.0.0/8 300.1.1.1/8", "mynetworks: invalid value \"300.1.1.1/8\": expected an address or network such as 127.0.0.0/8 or [::1]/128"),
        ("mynetworks = 10.0.0.0/33", "mynetworks: invalid value \"10.0.0.0/33\": expected an address or network such as 127.0.0.0/8 or [::1]/128"),
        ("smtpd_listen = 127.0.0.1:99999", "smtpd_listen: invalid value \"127.0.0.1:99999\": expected host:port with a port from 0 to 65535 ([::1]:25 for IPv6)"),
        ("imap_listen = [::1]:143, ::1:143", "imap_listen: invalid value \"::1:143\": expected host:port with a port from 0 to 65535 ([::1]:25 for IPv6)"),
        ("alias_maps = /etc/aliases", "alias_maps: invalid value \"/etc/aliases\": expected a lookup table type:path such as hash:/etc/carrier/aliases"),
        ("smtpd_timeout = $mail_name", "smtpd_timeout: invalid value \"Carrier\": expected a time such as 30s, 10m, 2h, 5d or 1w"),
    ])
    func rejectsValuesOfTheWrongKind(line: String, message: String) {
        let text = "# Carrier\nmyhostname = mx.example.org\n\(line)\nmail_name = Carrier\n"
        #expect(Fixture.errorText { _ = try Fixture.load(text) } == "carrier.cf:3: \(message)")
    }

    @Test(arguments: [
        "message_size_limit = 0",
        "message_size_limit = 52428800",
        "smtpd_timeout = 300",
        "smtpd_timeout = 2w",
        "disable_vrfy_command = NO",
        "smtpd_tls_auth_only = Yes",
        "smtpd_listen =",
        "smtpd_listen = [::1]:25, 0.0.0.0:25 localhost:0",
        "mynetworks = 10.0.0.0/8, [fe80::]/10 192.168.1.1 ::1",
        "alias_maps = hash:/etc/aliases, texthash:/etc/carrier/more",
        "local_recipient_maps =",
        "smtpd_bogus = anything",
    ])
    func acceptsValidValues(line: String) throws {
        _ = try Fixture.load(line + "\n")
    }

    @Test(arguments: [
        ("300", 300), ("0", 0), ("45s", 45), ("5m", 300), ("2h", 7200), ("1d", 86_400), ("1w", 604_800),
    ] as [(String, Int64)])
    func parsesTimeUnits(value: String, seconds: Int64) throws {
        let configuration = try Fixture.load("smtpd_timeout = \(value)\n")
        #expect(try configuration.duration("smtpd_timeout") == .seconds(seconds))
    }

    @Test func typedAccessorsReadDefaults() throws {
        let configuration = try Fixture.load("")
        #expect(try configuration.size("message_size_limit") == 10_240_000)
        #expect(try configuration.integer("smtpd_hard_error_limit") == 20)
        #expect(try configuration.bool("smtp_use_tls") == false)
        #expect(try configuration.duration("auth_lockout_time") == .seconds(600))
        #expect(try configuration.list("smtp_sasl_security_options") == ["noplaintext", "noanonymous"])
        #expect(try configuration.lookupTables("alias_database")
            == [LookupTableReference(type: "hash", path: "./carrier-data/aliases")])
    }

    @Test func defaultValueErrorsHaveNoLocation() throws {
        let configuration = Configuration(table: ParameterTable(definitions: [
            ParameterDefinition("limit", "$other", .integer, "A test limit."),
            ParameterDefinition("other", "ten", .string, "The limit's source."),
        ]))
        #expect(Fixture.errorText { try configuration.validate() } == "limit: invalid value \"ten\": expected a number")
    }

    @Test(arguments: [
        ("hash:/etc/aliases", "hash", "/etc/aliases"),
        ("texthash:relative", "texthash", "relative"),
        ("inline:a=b:c", "inline", "a=b:c"),
    ])
    func parsesLookupTableReferences(text: String, type: String, path: String) throws {
        let reference = try #require(LookupTableReference(text))
        #expect(reference == LookupTableReference(type: type, path: path))
        #expect(reference.description == text)
    }

    @Test(arguments: ["/etc/aliases", ":/etc/aliases", "hash:", "ha-sh:/x", "hash /x"])
    func rejectsLookupTableReferences(text: String) {
        #expect(LookupTableReference(text) == nil)
    }
}
