extension ParameterTable {
    /// Carrier's parameters. Names and meanings follow Postfix where Postfix has the
    /// concept; listeners (master.cf in Postfix) and IMAP/POP3 are Carrier's own keys.
    static func carrierDefinitions(hostname: String) -> [ParameterDefinition] {
        let myhostname = HostName.qualified(hostname)
        return [
            // Identity and routing.
            .init("myhostname", myhostname, .string, "The fully qualified name of this mail host."),
            .init("mydomain", HostName.parentDomain(of: myhostname), .string,
                  "The local internet domain; by default myhostname minus its first label.",
                  derivation: .parentDomain(of: "myhostname")),
            .init("myorigin", "$myhostname", .string, "The domain added to locally posted mail without one."),
            .init("mydestination", "$myhostname, localhost.$mydomain, localhost", .list,
                  "Domains delivered locally to Carrier's users."),
            .init("mynetworks", "127.0.0.0/8 [::1]/128", .networks, "Clients trusted to relay mail."),
            .init("virtual_mailbox_domains", "", .list, "Further domains whose mailboxes Carrier hosts."),
            .init("relayhost", "", .string, "Send all outgoing mail through this host instead of MX lookups."),
            .init("recipient_delimiter", "+", .string, "Characters that separate a user name from its extension."),
            // Files and directories.
            .init("data_directory", "./carrier-data", .string, "Where Carrier keeps its database and files."),
            .init("queue_directory", "$data_directory/queue", .string, "Where queued message files are kept."),
            .init("alias_maps", "hash:$data_directory/aliases", .lookupTables, "Alias tables used for local delivery."),
            .init("alias_database", "hash:$data_directory/aliases", .lookupTables, "Alias tables built by newaliases."),
            .init("local_recipient_maps", "", .lookupTables, "Tables of local recipients; empty means Carrier's own users."),
            .init("mail_spool_directory", "", .string, "Deliver to mbox files in this directory (empty: the store)."),
            .init("home_mailbox", "", .string, "Deliver to this path below each home (Maildir/ for Maildir)."),
            .init("mail_owner", "", .string, "The user Carrier drops privileges to (empty: stay as started)."),
            .init("maillog_file", "$data_directory/log/mail.log", .string, "The log file with every line."),
            .init("maillog_error_file", "$data_directory/log/mail.err", .string, "The log file with errors only."),
            .init("syslog_name", "carrier", .string, "The program name in log lines."),
            .init("mail_name", "Carrier", .string, "The mail system's name in the banner and bounces."),
            // Listeners.
            .init("smtpd_listen", "127.0.0.1:3025", .listenAddresses, "SMTP listeners (empty disables)."),
            .init("submission_listen", "127.0.0.1:3587", .listenAddresses, "Submission (STARTTLS) listeners."),
            .init("submissions_listen", "127.0.0.1:3465", .listenAddresses, "Submission over implicit TLS listeners."),
            .init("imap_listen", "127.0.0.1:3143", .listenAddresses, "IMAP (STARTTLS) listeners."),
            .init("imaps_listen", "127.0.0.1:3993", .listenAddresses, "IMAP over implicit TLS listeners."),
            .init("pop3_listen", "127.0.0.1:3110", .listenAddresses, "POP3 (STLS) listeners."),
            .init("pop3s_listen", "127.0.0.1:3995", .listenAddresses, "POP3 over implicit TLS listeners."),
            // SMTP server.
            .init("smtpd_banner", "$myhostname ESMTP $mail_name", .string, "The text after 220 in the greeting."),
            .init("message_size_limit", "10240000", .size, "The largest message accepted, in bytes."),
            .init("smtpd_max_line_length", "1000", .integer, "The longest SMTP command or text line accepted."),
            .init("smtpd_recipient_limit", "1000", .integer, "The most recipients accepted for one message."),
            .init("smtpd_timeout", "300s", .time, "How long to wait for a client's next command or data."),
            .init("smtpd_client_connection_count_limit", "50", .integer, "Simultaneous connections per client."),
            .init("smtpd_client_connection_rate_limit", "0", .integer, "Connections per client per minute (0: no limit)."),
            .init("smtpd_client_message_rate_limit", "0", .integer, "Messages per client per minute (0: no limit)."),
            .init("smtpd_hard_error_limit", "20", .integer, "Errors after which the session is closed."),
            .init("smtpd_soft_error_limit", "10", .integer, "Errors after which each reply is delayed."),
            .init("smtpd_error_sleep_time", "1s", .time, "The delay before replies after the soft error limit."),
            .init("smtpd_shutdown_timeout", "10s", .time, "How long sessions may finish when the server stops."),
            .init("disable_vrfy_command", "yes", .boolean, "Refuse VRFY (Postfix defaults to no)."),
            .init("smtpd_forbid_bare_newline", "yes", .boolean, "Reject lines ending in a bare LF (smuggling defence)."),
            .init("smtpd_tls_cert_file", "", .string, "The server certificate chain (PEM); empty: self-signed."),
            .init("smtpd_tls_key_file", "", .string, "The server private key (PEM)."),
            .init("smtpd_tls_security_level", "may", .string, "none, may or encrypt for the SMTP server."),
            .init("smtpd_sasl_auth_enable", "no", .boolean, "Offer SMTP AUTH on port 25."),
            .init("smtpd_tls_auth_only", "yes", .boolean, "Offer AUTH only after TLS."),
            .init("auth_failure_limit", "10", .integer, "Failed logins from one client before a lockout."),
            .init("auth_lockout_time", "10m", .time, "How long a client is locked out after too many failures."),
            // SMTP client and queue.
            .init("smtp_sasl_auth_enable", "no", .boolean, "Authenticate to the relay host."),
            .init("smtp_sasl_password_maps", "", .lookupTables, "Tables of host → user:password for the SMTP client."),
            .init("smtp_sasl_security_options", "noanonymous", .list, "SASL mechanism restrictions for the SMTP client."),
            .init("smtp_tls_security_level", "", .string, "none, may, encrypt, verify or secure for outgoing SMTP."),
            .init("smtp_use_tls", "no", .boolean, "Use STARTTLS when offered (superseded by smtp_tls_security_level)."),
            .init("smtp_tls_CAfile", "", .string, "CA certificates (PEM) for verifying remote servers."),
            .init("maximal_queue_lifetime", "5d", .time, "How long a message is retried before it bounces."),
            .init("bounce_queue_lifetime", "5d", .time, "How long a bounce message is retried."),
            .init("delay_warning_time", "0h", .time, "Warn the sender after this delay (0: never)."),
        ]
    }
}
