import CarrierAuth
import CarrierConfig
import CarrierNetwork
import CarrierStore
import Ingress
import LocalDelivery
import MailboxAccess
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Queue

/// The running mail system of one process: the store, the loggers and the
/// listeners, wired from `CarrierSettings`. `reload` swaps the settings new
/// connections get; `shutdown` stops accepting, lets sessions finish within a
/// grace period, then closes the rest with 421.
public final class MailServer: Sendable {
    public let store: SQLiteMailStore
    public let logWriter: MailLogWriter
    let group: MultiThreadedEventLoopGroup
    let registry = ConnectionRegistry()
    let services: NIOLockedValueBox<IngressServices>
    let listeners = NIOLockedValueBox<[StreamListener]>([])
    let queueIDs = QueueIDGenerator()
    let directory: DirectoryCache
    let pickup: PickupService
    let queueManager: QueueManager
    let backgroundTasks = NIOLockedValueBox<[Task<Void, Never>]>([])
    let tls = NIOLockedValueBox<TLSServerContext?>(nil)
    public let masterLogger: Logger
    /// Bound ports by service name (`smtp`, `submission`, `submissions`, `pop3`, `pop3s`, `imap`, `imaps`).
    let servicePorts = NIOLockedValueBox<[String: [Int]]>([:])
    /// One POP3 session per maildrop.
    let maildropLocks = MaildropLocks()
    /// Wakes IMAP sessions when a mailbox changes.
    let mailboxChanges: MailboxChangeNotifier
    /// Selected mailboxes' message lists, shared by IMAP sessions.
    let imapViews = IMAPViewCache()
    /// Reads mailbox changes once for the IMAP sessions that ask together.
    let imapChangeReader = IMAPChangeReader()

    let privilegedHelper: PrivilegedDeliveryClient?
    /// Brute-force counters shared by every connection for the process's life (reload keeps them).
    let authLimiter: AuthFailureLimiter
    /// Per-client connection and message rates (limits fixed at start, like the lockout settings).
    let rateLimiter: ClientRateLimiter

    /// Opens the store and logs; binds nothing yet. With `privilegedHelper`,
    /// mbox and Maildir deliveries go through it (the server runs as `mail_owner`).
    public init(settings: CarrierSettings, logWriter: MailLogWriter, threads: Int = System.coreCount,
                privilegedHelper: PrivilegedDeliveryClient? = nil) throws {
        self.privilegedHelper = privilegedHelper
        self.logWriter = logWriter
        store = try SQLiteMailStore(directory: settings.dataDirectory)
        mailboxChanges = MailboxChangeNotifier(store: store)
        group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
        masterLogger = logWriter.logger("master")
        directory = DirectoryCache(store: store)
        authLimiter = AuthFailureLimiter(failureLimit: max(1, settings.authFailureLimit), lockoutTime: settings.authLockoutTime)
        rateLimiter = ClientRateLimiter(connectionLimit: settings.smtpdClientConnectionRateLimit,
                                        messageLimit: settings.smtpdClientMessageRateLimit)
        let services = NIOLockedValueBox(Self.makeServices(settings, store: store, directory: directory, logWriter: logWriter,
                                                           queueIDs: queueIDs, privilegedHelper: privilegedHelper,
                                                           authLimiter: authLimiter, rateLimiter: rateLimiter))
        self.services = services
        pickup = PickupService(maildrop: Maildrop(dataDirectory: settings.dataDirectory), logger: logWriter.logger("pickup")) {
            services.withLockedValue { $0 }
        }
        let schedule = RetrySchedule(minimalBackoff: settings.minimalBackoffTime.components.seconds,
                                     maximalBackoff: settings.maximalBackoffTime.components.seconds,
                                     maximalLifetime: settings.maximalQueueLifetime.components.seconds)
        let outbound = OutboundDelivery(agent: SMTPDeliveryAgent(group: group, logger: logWriter.logger("smtp")),
                                        resolver: Self.resolver(settings, group: group))
        let queueManager = QueueManager(store: store, schedule: schedule,
                                        logger: logWriter.logger("qmgr"), outbound: outbound) {
            services.withLockedValue { $0 }
        }
        self.queueManager = queueManager
        // Weak: the queue manager's services closure holds `services`, so a strong capture would be a cycle.
        services.withLockedValue { $0.outboundTrigger = { [weak queueManager] in queueManager?.trigger() } }
    }

    static func makeServices(_ settings: CarrierSettings, store: SQLiteMailStore, directory: DirectoryCache,
                             logWriter: MailLogWriter, queueIDs: QueueIDGenerator,
                             privilegedHelper: PrivilegedDeliveryClient?, authLimiter: AuthFailureLimiter,
                             rateLimiter: ClientRateLimiter) -> IngressServices {
        let agent = LocalDeliveryAgent(store: store, logger: logWriter.logger("local"), queueLogger: logWriter.logger("qmgr"),
                                       privilegedHelper: privilegedHelper)
        return IngressServices(settings: settings, store: store, directory: directory, localDelivery: agent, queueIDs: queueIDs,
                               authLimiter: authLimiter, rateLimiter: rateLimiter, smtpdLogger: logWriter.logger("smtpd"), cleanupLogger: logWriter.logger("cleanup"))
    }

    /// The system resolver, or the `dns_servers` given in the configuration.
    static func resolver(_ settings: CarrierSettings, group: any EventLoopGroup) -> DNSResolver {
        let servers = settings.dnsServers.compactMap(DNSServerAddress.init)
        guard !servers.isEmpty else { return DNSResolver.system(group: group) }
        return DNSResolver(servers: servers, timeout: .seconds(5), attempts: 2, group: group)
    }

    public var settings: CarrierSettings { services.withLockedValue { $0.settings } }

    /// Binds the SMTP services — `smtpd_listen` (STARTTLS per
    /// `smtpd_tls_security_level`), `submission_listen` (STARTTLS required, AUTH)
    /// and `submissions_listen` (implicit TLS, AUTH) — or adopts the sockets a
    /// privileged parent bound (`inherited`, by service name); throws naming the
    /// key and address on failure.
    public func start(inherited: [String: [Int32]]? = nil) async throws {
        try await directory.refreshIfChanged()
        let settings = self.settings
        let tls = try tlsContext(settings)
        let services: [(SMTPListenerKind, String, [ListenAddress], ListenerTLS)] = [
            (.smtpd, "smtpd_listen", settings.smtpdListen,
             settings.smtpdTLSSecurityLevel == .none ? .none : .startTLS(tls)),
            (.submission, "submission_listen", settings.submissionListen, .startTLS(tls)),
            (.submissions, "submissions_listen", settings.submissionsListen, .implicit(tls)),
        ]
        for (kind, key, addresses, mode) in services {
            let endpoints: [StreamListener.Endpoint] = inherited.map { ($0[kind.rawValue] ?? []).map { .inherited(descriptor: $0) } }
                ?? addresses.map { .address(host: $0.host, port: $0.port) }
            guard !endpoints.isEmpty else { continue }
            do {
                let listener = try await bind(endpoints, kind: kind, tls: mode, settings: settings)
                listeners.withLockedValue { $0.append(listener) }
                servicePorts.withLockedValue { $0[kind.rawValue] = listener.boundPorts }
            } catch let failure as StreamListener.BindFailure {
                for listener in listeners.withLockedValue({ l in defer { l = [] }; return l }) { await listener.close() }
                throw StartupError(message: "\(key): \(failure)")
            }
        }
        for service in mailboxServices(settings, tls: tls) {
            let endpoints: [StreamListener.Endpoint] = inherited.map { ($0[service.name] ?? []).map { .inherited(descriptor: $0) } }
                ?? service.addresses.map { .address(host: $0.host, port: $0.port) }
            guard !endpoints.isEmpty else { continue }
            do {
                let listener = try await bindMailbox(endpoints, tls: service.tls, idle: service.idle, login: service.login, make: service.make)
                listeners.withLockedValue { $0.append(listener) }
                servicePorts.withLockedValue { $0[service.name] = listener.boundPorts }
            } catch let failure as StreamListener.BindFailure {
                for listener in listeners.withLockedValue({ l in defer { l = [] }; return l }) { await listener.close() }
                throw StartupError(message: "\(service.key): \(failure)")
            }
        }
        let pickup = self.pickup
        let queueManager = self.queueManager
        let collector = BodyCollector(store: store, logger: logWriter.logger("store"), interval: settings.bodyCollectionInterval)
        backgroundTasks.withLockedValue {
            $0 = [Task { await pickup.run() }, Task { await queueManager.run() }, Task { await collector.run() }]
        }
    }

    /// Looks at the maildrop and retries the queue now (SIGUSR1, `postqueue -f`).
    public func flush() {
        pickup.trigger()
        let queueManager = self.queueManager
        Task { await queueManager.flush() }
    }

    func bind(_ endpoints: [StreamListener.Endpoint], kind: SMTPListenerKind, tls: ListenerTLS,
              settings: CarrierSettings) async throws -> StreamListener {
        let services = self.services
        let tlsAvailable: Bool = if case .none = tls { false } else { true }
        return try await StreamListener.bind(
            endpoints, group: group,
            idleTimeout: .nanoseconds(Int64(settings.smtpdTimeout.components.seconds) * 1_000_000_000), tls: tls,
            registry: registry
        ) { peer in
            let current = services.withLockedValue { $0 }
            let trusted = current.settings.mynetworks.contains { $0.contains(peer.address) }
            let client = ClientInfo(hostname: Self.clientName(peer.address), address: peer.address,
                                    port: peer.port, isTrusted: trusted)
            let limit = current.settings.smtpdClientConnectionCountLimit
            let over = limit > 0 && peer.openConnections > limit && !trusted
            let tooFast = !trusted && !current.rateLimiter.admit(.connection, from: peer.address)
            let connection = SMTPIngressConnection(services: current, client: client, kind: kind, tlsAvailable: tlsAvailable)
            return SMTPStreamSession(connection: connection, refusal: over ? .concurrency(peer.openConnections) : tooFast ? .rate : nil)
        }
    }

    /// The server certificate: `smtpd_tls_cert_file`/`smtpd_tls_key_file`, or a
    /// self-signed one for `$myhostname` made on first start in the data directory.
    func tlsContext(_ settings: CarrierSettings) throws -> TLSServerContext {
        if let existing = tls.withLockedValue({ $0 }) { return existing }
        let context: TLSServerContext
        if !settings.smtpdTLSCertFile.isEmpty || !settings.smtpdTLSKeyFile.isEmpty {
            guard !settings.smtpdTLSCertFile.isEmpty, !settings.smtpdTLSKeyFile.isEmpty else {
                throw StartupError(message: "smtpd_tls_cert_file and smtpd_tls_key_file must be set together")
            }
            context = try TLSServerContext(certificateChain: settings.smtpdTLSCertFile, privateKey: settings.smtpdTLSKeyFile)
        } else {
            let generated = try SelfSignedCertificate.ensure(directory: settings.dataDirectory, hostname: settings.myhostname)
            if generated.created {
                masterLogger.warning("warning: no smtpd_tls_cert_file is set: generated a self-signed certificate for \(settings.myhostname) in \(generated.certificatePath)")
            }
            context = try TLSServerContext(certificateChain: generated.certificatePath, privateKey: generated.keyPath)
        }
        tls.withLockedValue { $0 = context }
        return context
    }

    /// Loopback addresses are logged as `localhost`, others as `unknown` (no DNS lookups yet).
    static func clientName(_ address: String) -> String {
        address.hasPrefix("127.") || address == "::1" || address == "::ffff:127.0.0.1" ? "localhost" : "unknown"
    }

    /// The ports bound by the first SMTP service listening (tests bind port 0).
    public var smtpPorts: [Int] { listeners.withLockedValue { $0.first?.boundPorts ?? [] } }

    /// Every bound port, in service order (smtpd, submission, submissions, then mail access).
    public var boundPorts: [[Int]] { listeners.withLockedValue { $0.map(\.boundPorts) } }

    /// The ports one service bound (`smtp`, `submission`, `pop3s`, `imap`...), for tests binding port 0.
    public func ports(of service: String) -> [Int] {
        servicePorts.withLockedValue { $0[service] ?? [] }
    }

    /// New settings for connections accepted from now on (SIGHUP). Listener
    /// addresses need a restart, as in Postfix.
    public func reload(_ settings: CarrierSettings) {
        if let context = tls.withLockedValue({ $0 }) {
            do {
                try context.reload()
            } catch {
                masterLogger.error("warning: TLS certificate reload failed, keeping the old one: \(error)")
            }
        }
        var fresh = Self.makeServices(settings, store: store, directory: directory, logWriter: logWriter, queueIDs: queueIDs,
                                      privilegedHelper: privilegedHelper, authLimiter: authLimiter, rateLimiter: rateLimiter)
        fresh.outboundTrigger = { [weak queueManager = self.queueManager] in queueManager?.trigger() }
        services.withLockedValue { $0 = fresh }
    }

    /// Stops accepting, waits up to `gracePeriod` for sessions to end, then asks
    /// the rest to close (421) and shuts the event loops down.
    public func shutdown(gracePeriod: Duration) async {
        let bound = listeners.withLockedValue { l in defer { l = [] }; return l }
        for listener in bound { await listener.close() }
        let tasks = backgroundTasks.withLockedValue { t in defer { t = [] }; return t }
        for task in tasks { task.cancel() }
        pickup.trigger()
        queueManager.trigger()
        for task in tasks { await task.value }
        let deadline = ContinuousClock.now + gracePeriod
        while registry.count > 0 && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if registry.count > 0 {
            registry.requestShutdown()
            let hardDeadline = ContinuousClock.now + .seconds(2)
            while registry.count > 0 && ContinuousClock.now < hardDeadline {
                try? await Task.sleep(for: .milliseconds(20))
            }
        }
        try? await group.shutdownGracefully()
    }
}

/// A start-up failure with a message the operator can act on.
public struct StartupError: Error, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
