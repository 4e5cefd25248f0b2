/// The typed, validated settings the server runs with, read from a `Configuration`.
///
/// Names follow the main.cf parameters (`smtpd_timeout` → `smtpdTimeout`).
public struct CarrierSettings: Sendable, Equatable {
    // Identity and routing.
    public var myhostname: String
    public var mydomain: String
    public var myorigin: String
    /// Local domains: lower case, trailing dots removed.
    public var mydestination: [String]
    /// Hosted domains: lower case, trailing dots removed.
    public var virtualMailboxDomains: [String]
    public var mynetworks: [CIDRRange]
    public var relayhost: String
    public var recipientDelimiter: String

    // Files.
    public var dataDirectory: String
    public var queueDirectory: String
    public var aliasMaps: [LookupTableReference]
    /// Empty means Carrier's own users.
    public var localRecipientMaps: [LookupTableReference]
    public var mailSpoolDirectory: String
    public var homeMailbox: String
    /// Octets all of a user's store mailboxes may hold together; 0 is no
    /// limit. Reported by IMAP QUOTA, enforced at APPEND and delivery.
    public var mailboxSizeLimit: Int
    public var mailOwner: String
    public var maillogFile: String
    public var maillogErrorFile: String
    public var syslogName: String
    public var mailName: String

    // Listeners; an empty list disables the service.
    public var smtpdListen: [ListenAddress]
    public var submissionListen: [ListenAddress]
    public var submissionsListen: [ListenAddress]
    public var imapListen: [ListenAddress]
    public var imapsListen: [ListenAddress]
    public var pop3Listen: [ListenAddress]
    public var pop3sListen: [ListenAddress]

    // SMTP server.
    public var smtpdBanner: String
    public var messageSizeLimit: Int
    /// `hopcount_limit`: a message arriving with this many `Received:` fields is refused as a mail loop.
    public var hopcountLimit: Int
    public var smtpdMaxLineLength: Int
    public var smtpdRecipientLimit: Int
    public var smtpdClientConnectionCountLimit: Int
    public var smtpdHardErrorLimit: Int
    public var smtpdSoftErrorLimit: Int
    public var smtpdTimeout: Duration
    public var smtpdErrorSleepTime: Duration
    public var smtpdShutdownTimeout: Duration
    public var disableVRFYCommand: Bool
    public var smtpdForbidBareNewline: Bool

    // TLS and authentication.
    public var smtpdTLSCertFile: String
    public var smtpdTLSKeyFile: String
    /// `none`, `may` or `encrypt` for port 25 (submission is always `encrypt`).
    public var smtpdTLSSecurityLevel: TLSSecurityLevel
    public var smtpdSASLAuthEnable: Bool
    public var smtpdTLSAuthOnly: Bool
    public var authFailureLimit: Int
    public var authLockoutTime: Duration
    public var smtpdClientConnectionRateLimit: Int
    public var smtpdClientMessageRateLimit: Int

    // Mailbox access.
    public var disablePlaintextAuth: Bool
    public var pop3IdleTimeout: Duration
    public var imapIdleTimeout: Duration
    /// How often unreferenced message bodies are removed (`body_collection_interval`).
    public var bodyCollectionInterval: Duration
    /// The shorter autologout timer before login (`imap_login_timeout`).
    public var imapLoginTimeout: Duration

    // SMTP client.
    public var smtpSASLAuthEnable: Bool
    public var smtpSASLPasswordMaps: [LookupTableReference]
    /// `smtp_tls_security_level`; empty means `may` when `smtp_use_tls = yes`, else `may` (opportunistic).
    public var smtpTLSSecurityLevel: String
    public var smtpTLSCAfile: String
    public var smtpTLSCApath: String
    /// `smtp_sasl_security_options` without TLS, `smtp_sasl_tls_security_options` with it.
    public var smtpSASLSecurityOptions: [String]
    public var smtpSASLTLSSecurityOptions: [String]
    /// `smtp_sasl_mechanism_filter`, upper-cased; empty means every mechanism Carrier knows.
    public var smtpSASLMechanismFilter: [String]
    public var smtpSenderDependentAuthentication: Bool
    /// `transport_maps`: per-domain next hops, `local:` and `error:` transports.
    public var transportMaps: [LookupTableReference]
    /// `dns_servers`: `host:port` overrides of /etc/resolv.conf (tests use a local dnsmasq).
    public var dnsServers: [String]

    // Queue.
    public var maximalQueueLifetime: Duration
    public var bounceQueueLifetime: Duration
    public var minimalBackoffTime: Duration
    public var maximalBackoffTime: Duration
    public var delayWarningTime: Duration
    public var defaultDestinationConcurrencyLimit: Int
    public var initialDestinationConcurrency: Int
}
