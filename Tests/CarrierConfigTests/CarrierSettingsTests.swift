import CarrierConfig
import Testing

@Suite struct CarrierSettingsTests {
    @Test func embeddedDefaults() {
        let settings = CarrierSettings.defaults(hostname: "box")
        #expect(settings.myhostname == "box.localdomain")
        #expect(settings.mydomain == "localdomain")
        #expect(settings.myorigin == "box.localdomain")
        #expect(settings.mydestination == ["box.localdomain", "localhost.localdomain", "localhost"])
        #expect(settings.virtualMailboxDomains == [])
        #expect(settings.mynetworks.map(\.description) == ["127.0.0.0/8", "[::1]/128"])
        #expect(settings.dataDirectory == "./carrier-data")
        #expect(settings.queueDirectory == "./carrier-data/queue")
        #expect(settings.smtpdListen == [ListenAddress(host: "127.0.0.1", port: 3025)])
        #expect(settings.submissionListen.map(\.port) == [3587])
        #expect(settings.submissionsListen.map(\.port) == [3465])
        #expect(settings.imapListen.map(\.port) == [3143])
        #expect(settings.imapsListen.map(\.port) == [3993])
        #expect(settings.pop3Listen.map(\.port) == [3110])
        #expect(settings.pop3sListen.map(\.port) == [3995])
        #expect(settings.smtpdBanner == "box.localdomain ESMTP Carrier")
        #expect(settings.mailName == "Carrier")
        #expect(settings.syslogName == "carrier")
        #expect(settings.messageSizeLimit == 10_240_000)
        #expect(settings.smtpdMaxLineLength == 1000)
        #expect(settings.smtpdRecipientLimit == 1000)
        #expect(settings.smtpdClientConnectionCountLimit == 50)
        #expect(settings.smtpdHardErrorLimit == 20)
        #expect(settings.smtpdSoftErrorLimit == 10)
        #expect(settings.smtpdTimeout == .seconds(300))
        #expect(settings.smtpdErrorSleepTime == .seconds(1))
        #expect(settings.smtpdShutdownTimeout == .seconds(10))
        #expect(settings.maximalQueueLifetime == .seconds(5 * 86_400))
        #expect(settings.bounceQueueLifetime == .seconds(5 * 86_400))
        #expect(settings.disableVRFYCommand)
        #expect(settings.smtpdForbidBareNewline)
        #expect(settings.recipientDelimiter == "+")
        #expect(settings.aliasMaps == [LookupTableReference(type: "hash", path: "./carrier-data/aliases")])
        #expect(settings.localRecipientMaps == [])
        #expect(settings.maillogFile == "./carrier-data/log/mail.log")
        #expect(settings.maillogErrorFile == "./carrier-data/log/mail.err")
        #expect([settings.mailSpoolDirectory, settings.homeMailbox, settings.mailOwner, settings.relayhost]
            == ["", "", "", ""])
    }

    @Test func readsAConfiguredFile() throws {
        let configuration = try Fixture.load("""
            myhostname = mx1.Example.ORG
            mydestination = $myhostname, Example.ORG., localhost.
            virtual_mailbox_domains = Hosted.example., other.example
            data_directory = /var/lib/carrier
            smtpd_listen = 0.0.0.0:25, [::]:25
            imap_listen =
            pop3_listen =
            message_size_limit = 52428800
            smtpd_timeout = 5m
            disable_vrfy_command = no
            home_mailbox = Maildir/
            local_recipient_maps = hash:/etc/carrier/recipients
            """)
        let settings = try CarrierSettings(configuration)
        #expect(settings.mydomain == "Example.ORG")
        #expect(settings.mydestination == ["mx1.example.org", "example.org", "localhost"])
        #expect(settings.virtualMailboxDomains == ["hosted.example", "other.example"])
        #expect(settings.queueDirectory == "/var/lib/carrier/queue")
        #expect(settings.aliasMaps == [LookupTableReference(type: "hash", path: "/var/lib/carrier/aliases")])
        #expect(settings.smtpdListen.map(\.description) == ["0.0.0.0:25", "[::]:25"])
        #expect(settings.imapListen.isEmpty)
        #expect(settings.pop3Listen.isEmpty)
        #expect(settings.imapsListen.map(\.port) == [3993])
        #expect(settings.messageSizeLimit == 52_428_800)
        #expect(settings.smtpdTimeout == .seconds(300))
        #expect(!settings.disableVRFYCommand)
        #expect(settings.homeMailbox == "Maildir/")
        #expect(settings.localRecipientMaps == [LookupTableReference(type: "hash", path: "/etc/carrier/recipients")])
    }

    @Test func rejectsABadValueWithItsLocation() throws {
        let configuration = try Fixture.parse("smtpd_soft_error_limit = ten\n")
        #expect(Fixture.errorText { _ = try CarrierSettings(configuration) }
            == "carrier.cf:1: smtpd_soft_error_limit: invalid value \"ten\": expected a number")
    }

    @Test func equalSettingsCompareEqual() throws {
        #expect(CarrierSettings.defaults(hostname: "a.example") == CarrierSettings.defaults(hostname: "a.example"))
        #expect(CarrierSettings.defaults(hostname: "a.example") != CarrierSettings.defaults(hostname: "b.example"))
        #expect(try CarrierSettings(Fixture.load("")) == CarrierSettings.defaults(hostname: "mail.example.com"))
    }
}
