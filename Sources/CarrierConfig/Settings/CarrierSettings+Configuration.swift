extension CarrierSettings {
    /// Reads and validates every setting from `configuration`; throws the first bad value.
    public init(_ configuration: Configuration) throws {
        let c = configuration
        myhostname = try c.string("myhostname")
        mydomain = try c.string("mydomain")
        myorigin = try c.string("myorigin")
        mydestination = try c.list("mydestination").map(Self.normalizedDomain)
        virtualMailboxDomains = try c.list("virtual_mailbox_domains").map(Self.normalizedDomain)
        mynetworks = try c.networks("mynetworks")
        relayhost = try c.string("relayhost")
        recipientDelimiter = try c.string("recipient_delimiter")

        dataDirectory = try c.string("data_directory")
        queueDirectory = try c.string("queue_directory")
        aliasMaps = try c.lookupTables("alias_maps")
        localRecipientMaps = try c.lookupTables("local_recipient_maps")
        mailSpoolDirectory = try c.string("mail_spool_directory")
        homeMailbox = try c.string("home_mailbox")
        mailboxSizeLimit = try c.size("mailbox_size_limit")
        mailOwner = try c.string("mail_owner")
        maillogFile = try c.string("maillog_file")
        maillogErrorFile = try c.string("maillog_error_file")
        syslogName = try c.string("syslog_name")
        mailName = try c.string("mail_name")

        smtpdListen = try c.listenAddresses("smtpd_listen")
        submissionListen = try c.listenAddresses("submission_listen")
        submissionsListen = try c.listenAddresses("submissions_listen")
        imapListen = try c.listenAddresses("imap_listen")
        imapsListen = try c.listenAddresses("imaps_listen")
        pop3Listen = try c.listenAddresses("pop3_listen")
        pop3sListen = try c.listenAddresses("pop3s_listen")

        smtpdBanner = try c.string("smtpd_banner")
        messageSizeLimit = try c.size("message_size_limit")
        hopcountLimit = max(1, try c.integer("hopcount_limit"))
        smtpdMaxLineLength = try c.integer("smtpd_max_line_length")
        smtpdRecipientLimit = try c.integer("smtpd_recipient_limit")
        smtpdClientConnectionCountLimit = try c.integer("smtpd_client_connection_count_limit")
        smtpdHardErrorLimit = try c.integer("smtpd_hard_error_limit")
        smtpdSoftErrorLimit = try c.integer("smtpd_soft_error_limit")
        smtpdTimeout = try c.duration("smtpd_timeout")
        smtpdErrorSleepTime = try c.duration("smtpd_error_sleep_time")
        smtpdShutdownTimeout = try c.duration("smtpd_shutdown_timeout")
        disableVRFYCommand = try c.bool("disable_vrfy_command")
        smtpdForbidBareNewline = try c.bool("smtpd_forbid_bare_newline")

        smtpdTLSCertFile = try c.string("smtpd_tls_cert_file")
        smtpdTLSKeyFile = try c.string("smtpd_tls_key_file")
        smtpdTLSSecurityLevel = try TLSSecurityLevel.read("smtpd_tls_security_level", from: c)
        smtpdSASLAuthEnable = try c.bool("smtpd_sasl_auth_enable")
        smtpdTLSAuthOnly = try c.bool("smtpd_tls_auth_only")
        authFailureLimit = try c.integer("auth_failure_limit")
        authLockoutTime = try c.duration("auth_lockout_time")
        smtpdClientConnectionRateLimit = try c.integer("smtpd_client_connection_rate_limit")
        smtpdClientMessageRateLimit = try c.integer("smtpd_client_message_rate_limit")

        disablePlaintextAuth = try c.bool("disable_plaintext_auth")
        pop3IdleTimeout = try c.duration("pop3_idle_timeout")
        imapIdleTimeout = try c.duration("imap_idle_timeout")
        imapLoginTimeout = try c.duration("imap_login_timeout")
        bodyCollectionInterval = try c.duration("body_collection_interval")

        smtpSASLAuthEnable = try c.bool("smtp_sasl_auth_enable")
        smtpSASLPasswordMaps = try c.lookupTables("smtp_sasl_password_maps")
        smtpTLSSecurityLevel = try c.string("smtp_tls_security_level")
        if smtpTLSSecurityLevel.isEmpty {
            smtpTLSSecurityLevel = try c.bool("smtp_enforce_tls") ? "encrypt" : "may"
        }
        smtpTLSCApath = try c.string("smtp_tls_CApath")
        smtpSASLSecurityOptions = try c.list("smtp_sasl_security_options").map { $0.lowercased() }
        smtpSASLTLSSecurityOptions = try c.list("smtp_sasl_tls_security_options").map { $0.lowercased() }
        smtpSASLMechanismFilter = try c.list("smtp_sasl_mechanism_filter").map { $0.uppercased() }
        smtpSenderDependentAuthentication = try c.bool("smtp_sender_dependent_authentication")
        transportMaps = try c.lookupTables("transport_maps")
        smtpTLSCAfile = try c.string("smtp_tls_CAfile")
        dnsServers = try c.list("dns_servers")
        if let bad = dnsServers.first(where: { ListenAddress($0) == nil }) {
            throw ConfigError(location: c.entry(for: "dns_servers")?.location,
                              message: "dns_servers: invalid value \"\(bad)\": expected host:port, such as 127.0.0.1:53")
        }
        if !["", "none", "may", "encrypt", "verify", "secure"].contains(smtpTLSSecurityLevel) {
            throw ConfigError(location: c.entry(for: "smtp_tls_security_level")?.location,
                              message: "smtp_tls_security_level: invalid value \"\(smtpTLSSecurityLevel)\": expected none, may, encrypt, verify or secure")
        }

        maximalQueueLifetime = try c.duration("maximal_queue_lifetime")
        bounceQueueLifetime = try c.duration("bounce_queue_lifetime")
        minimalBackoffTime = try c.duration("minimal_backoff_time")
        maximalBackoffTime = try c.duration("maximal_backoff_time")
        delayWarningTime = try c.duration("delay_warning_time")
        defaultDestinationConcurrencyLimit = max(1, try c.integer("default_destination_concurrency_limit"))
        initialDestinationConcurrency = min(max(1, try c.integer("initial_destination_concurrency")),
                                            defaultDestinationConcurrencyLimit)
    }

    /// The embedded defaults on a host named `hostname`.
    public static func defaults(hostname: String) -> CarrierSettings {
        do {
            return try CarrierSettings(Configuration(table: ParameterTable(hostname: hostname)))
        } catch {
            preconditionFailure("Carrier's embedded defaults are invalid: \(error)")
        }
    }

    private static func normalizedDomain(_ domain: String) -> String {
        var domain = Substring(domain.lowercased())
        while domain.hasSuffix(".") { domain = domain.dropLast() }
        return String(domain)
    }
}
