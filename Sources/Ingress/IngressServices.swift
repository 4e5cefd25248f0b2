import CarrierAuth
import CarrierConfig
import CarrierStore
import LocalDelivery
import Logging
import SMTPProtocol

/// What every SMTP connection shares: the settings in force when it was
/// accepted, the store, router, local delivery agent (given these settings'
/// `mailbox_size_limit`), queue ids and loggers.
public struct IngressServices: Sendable {
    public var settings: CarrierSettings
    public var store: any MailStore
    public var router: RecipientRouter
    public var directory: DirectoryCache
    public var localDelivery: LocalDeliveryAgent
    public var queueIDs: QueueIDGenerator
    /// `carrier/smtpd` and `carrier/cleanup`.
    public var smtpdLogger: Logger
    public var cleanupLogger: Logger
    public var notifier: NonDeliveryNotifier
    /// Shared by every connection (and later IMAP and POP3), across reloads.
    public var authLimiter: AuthFailureLimiter
    /// Connection and message rates per client (Postfix's anvil).
    public var rateLimiter: ClientRateLimiter
    /// Tells the queue manager that new outbound mail is waiting.
    public var outboundTrigger: @Sendable () -> Void = {}

    public init(settings: CarrierSettings, store: any MailStore, directory: DirectoryCache, localDelivery: LocalDeliveryAgent,
                queueIDs: QueueIDGenerator, authLimiter: AuthFailureLimiter, rateLimiter: ClientRateLimiter,
                smtpdLogger: Logger, cleanupLogger: Logger) {
        self.authLimiter = authLimiter
        self.rateLimiter = rateLimiter
        self.settings = settings
        self.store = store
        self.directory = directory
        let router = RecipientRouter(settings: settings, transports: TransportTable(references: settings.transportMaps))
        self.router = router
        self.localDelivery = localDelivery
        self.localDelivery.mailboxSizeLimit = settings.mailboxSizeLimit
        self.queueIDs = queueIDs
        self.smtpdLogger = smtpdLogger
        self.cleanupLogger = cleanupLogger
        self.notifier = NonDeliveryNotifier(settings: settings, router: router, directory: directory, localDelivery: self.localDelivery,
                                            queueIDs: queueIDs, logger: localDelivery.queueLogger)
    }

}

extension CarrierSettings {
    /// The SMTP session limits these settings give (`message_size_limit`,
    /// `smtpd_max_line_length`, `smtpd_recipient_limit`...), for the network
    /// server and `sendmail -bs` alike.
    public var smtpServerConfiguration: SMTPServerConfiguration {
        SMTPServerConfiguration(
            hostname: myhostname, banner: smtpdBanner,
            maximumMessageSize: messageSizeLimit, maximumTextLineLength: smtpdMaxLineLength,
            maximumRecipients: smtpdRecipientLimit, hardErrorLimit: smtpdHardErrorLimit,
            vrfyEnabled: !disableVRFYCommand)
    }
}
