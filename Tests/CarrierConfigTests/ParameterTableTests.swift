import CarrierConfig
import Testing

@Suite struct ParameterTableTests {
    @Test(arguments: [
        ("myhostname", "mail.example.com", ParameterKind.string),
        ("mydomain", "example.com", .string),
        ("myorigin", "$myhostname", .string),
        ("mydestination", "$myhostname, localhost.$mydomain, localhost", .list),
        ("mynetworks", "127.0.0.0/8 [::1]/128", .networks),
        ("virtual_mailbox_domains", "", .list),
        ("data_directory", "./carrier-data", .string),
        ("queue_directory", "$data_directory/queue", .string),
        ("smtpd_listen", "127.0.0.1:3025", .listenAddresses),
        ("submission_listen", "127.0.0.1:3587", .listenAddresses),
        ("submissions_listen", "127.0.0.1:3465", .listenAddresses),
        ("imap_listen", "127.0.0.1:3143", .listenAddresses),
        ("imaps_listen", "127.0.0.1:3993", .listenAddresses),
        ("pop3_listen", "127.0.0.1:3110", .listenAddresses),
        ("pop3s_listen", "127.0.0.1:3995", .listenAddresses),
        ("smtpd_banner", "$myhostname ESMTP $mail_name", .string),
        ("mail_name", "Carrier", .string),
        ("message_size_limit", "10240000", .size),
        ("smtpd_max_line_length", "1000", .integer),
        ("smtpd_recipient_limit", "1000", .integer),
        ("smtpd_timeout", "300s", .time),
        ("smtpd_client_connection_count_limit", "50", .integer),
        ("smtpd_hard_error_limit", "20", .integer),
        ("smtpd_soft_error_limit", "10", .integer),
        ("smtpd_error_sleep_time", "1s", .time),
        ("disable_vrfy_command", "yes", .boolean),
        ("smtpd_forbid_bare_newline", "yes", .boolean),
        ("recipient_delimiter", "+", .string),
        ("alias_maps", "hash:$data_directory/aliases", .lookupTables),
        ("alias_database", "hash:$data_directory/aliases", .lookupTables),
        ("maillog_file", "$data_directory/log/mail.log", .string),
        ("maillog_error_file", "$data_directory/log/mail.err", .string),
        ("syslog_name", "carrier", .string),
        ("smtpd_shutdown_timeout", "10s", .time),
        ("local_recipient_maps", "", .lookupTables),
        ("mail_spool_directory", "", .string),
        ("home_mailbox", "", .string),
        ("mailbox_size_limit", "0", .size),
        ("mail_owner", "", .string),
        ("relayhost", "", .string),
        ("maximal_queue_lifetime", "5d", .time),
        ("bounce_queue_lifetime", "5d", .time),
        ("smtpd_tls_cert_file", "", .string),
        ("smtpd_tls_key_file", "", .string),
        ("smtpd_tls_security_level", "may", .string),
        ("smtpd_sasl_auth_enable", "no", .boolean),
        ("smtpd_tls_auth_only", "yes", .boolean),
        ("smtp_sasl_auth_enable", "no", .boolean),
        ("smtp_sasl_password_maps", "", .lookupTables),
        ("smtp_sasl_security_options", "noplaintext, noanonymous", .list),
        ("smtp_sasl_tls_security_options", "$smtp_sasl_security_options", .list),
        ("smtp_sasl_mechanism_filter", "", .list),
        ("smtp_sender_dependent_authentication", "no", .boolean),
        ("smtp_enforce_tls", "no", .boolean),
        ("smtp_tls_CApath", "", .string),
        ("transport_maps", "", .lookupTables),
        ("default_destination_concurrency_limit", "20", .integer),
        ("initial_destination_concurrency", "5", .integer),
        ("minimal_backoff_time", "300s", .time),
        ("maximal_backoff_time", "4000s", .time),
        ("smtp_tls_security_level", "", .string),
        ("smtp_use_tls", "no", .boolean),
        ("smtp_tls_CAfile", "", .string),
        ("smtpd_client_connection_rate_limit", "0", .integer),
        ("smtpd_client_message_rate_limit", "0", .integer),
        ("auth_failure_limit", "10", .integer),
        ("auth_lockout_time", "10m", .time),
        ("delay_warning_time", "0h", .time),
        ("dns_servers", "", .list),
        ("disable_plaintext_auth", "yes", .boolean),
        ("pop3_idle_timeout", "10m", .time),
        ("imap_idle_timeout", "30m", .time),
        ("imap_login_timeout", "1m", .time),
        ("body_collection_interval", "10m", .time),
        ("hopcount_limit", "50", .integer),
    ])
    func knowsTheParameter(name: String, defaultValue: String, kind: ParameterKind) throws {
        let definition = try #require(Fixture.table[name])
        #expect(definition.defaultValue == defaultValue)
        #expect(definition.kind == kind)
        #expect(!definition.summary.isEmpty && !definition.summary.contains("\n"))
    }

    @Test func tableHasNoUnlistedParameters() {
        #expect(Fixture.table.definitions.count == 75)
        #expect(Fixture.table["smtpd_bogus"] == nil)
    }

    @Test func everyDefaultIsValidForItsKind() throws {
        try Configuration(table: Fixture.table).validate()
        try Configuration(table: .standard).validate()
    }

    @Test func standardTableUsesThisHostsName() {
        #expect(ParameterTable.standard["myhostname"]?.defaultValue == HostName.qualified(HostName.current()))
        #expect(!HostName.current().isEmpty)
    }

    @Test(arguments: [
        ("mail.example.com", "mail.example.com", "example.com"),
        ("box", "box.localdomain", "localdomain"),
        ("box.", "box.localdomain", "localdomain"),
        ("", "localhost.localdomain", "localdomain"),
        ("a.b.c.d", "a.b.c.d", "b.c.d"),
    ])
    func derivesHostAndDomainNames(hostname: String, qualified: String, domain: String) {
        #expect(HostName.qualified(hostname) == qualified)
        #expect(HostName.parentDomain(of: HostName.qualified(hostname)) == domain)
    }

    @Test func laterDuplicateDefinitionWins() {
        let table = ParameterTable(definitions: [
            ParameterDefinition("b", "1", .integer, "First."),
            ParameterDefinition("a", "x", .string, "Other."),
            ParameterDefinition("b", "2", .integer, "Second."),
        ])
        #expect(table["b"]?.defaultValue == "2")
        #expect(table.definitions.map(\.name) == ["a", "b"])
    }
}
