import CarrierConfig
import CarrierNetwork
import CarrierStore
import Ingress
import LocalDelivery
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

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
    let pickupTask = NIOLockedValueBox<Task<Void, Never>?>(nil)
    public let masterLogger: Logger

    let privilegedHelper: PrivilegedDeliveryClient?

    /// Opens the store and logs; binds nothing yet. With `privilegedHelper`,
    /// mbox and Maildir deliveries go through it (the server runs as `mail_owner`).
    public init(settings: CarrierSettings, logWriter: MailLogWriter, threads: Int = System.coreCount,
                privilegedHelper: PrivilegedDeliveryClient? = nil) throws {
        self.privilegedHelper = privilegedHelper
        self.logWriter = logWriter
        store = try SQLiteMailStore(directory: settings.dataDirectory)
        group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
        masterLogger = logWriter.logger("master")
        directory = DirectoryCache(store: store)
        let services = NIOLockedValueBox(Self.makeServices(settings, store: store, directory: directory, logWriter: logWriter,
                                                           queueIDs: queueIDs, privilegedHelper: privilegedHelper))
        self.services = services
        pickup = PickupService(maildrop: Maildrop(dataDirectory: settings.dataDirectory), logger: logWriter.logger("pickup")) {
            services.withLockedValue { $0 }
        }
    }

    static func makeServices(_ settings: CarrierSettings, store: SQLiteMailStore, directory: DirectoryCache,
                             logWriter: MailLogWriter, queueIDs: QueueIDGenerator,
                             privilegedHelper: PrivilegedDeliveryClient?) -> IngressServices {
        let agent = LocalDeliveryAgent(store: store, logger: logWriter.logger("local"), queueLogger: logWriter.logger("qmgr"),
                                       privilegedHelper: privilegedHelper)
        return IngressServices(settings: settings, store: store, directory: directory, localDelivery: agent, queueIDs: queueIDs,
                               smtpdLogger: logWriter.logger("smtpd"), cleanupLogger: logWriter.logger("cleanup"))
    }

    public var settings: CarrierSettings { services.withLockedValue { $0.settings } }

    /// Binds the SMTP listeners of `smtpd_listen` (or adopts `inheritedSMTP`, the
    /// sockets a privileged parent bound); throws naming the key and address on failure.
    public func start(inheritedSMTP: [Int32]? = nil) async throws {
        try await directory.refreshIfChanged()
        let settings = self.settings
        let services = self.services
        let registry = self.registry
        do {
            let endpoints: [StreamListener.Endpoint] = inheritedSMTP.map { $0.map { .inherited(descriptor: $0) } }
                ?? settings.smtpdListen.map { .address(host: $0.host, port: $0.port) }
            let smtp = try await StreamListener.bind(
                endpoints, group: group,
                idleTimeout: .nanoseconds(Int64(settings.smtpdTimeout.components.seconds) * 1_000_000_000),
                registry: registry
            ) { peer in
                let current = services.withLockedValue { $0 }
                let trusted = current.settings.mynetworks.contains { $0.contains(peer.address) }
                let client = ClientInfo(hostname: Self.clientName(peer.address), address: peer.address,
                                        port: peer.port, isTrusted: trusted)
                let limit = current.settings.smtpdClientConnectionCountLimit
                let over = limit > 0 && peer.openConnections > limit && !trusted
                return SMTPStreamSession(connection: SMTPIngressConnection(services: current, client: client),
                                         refusedAtCount: over ? peer.openConnections : nil)
            }
            listeners.withLockedValue { $0.append(smtp) }
        } catch let failure as StreamListener.BindFailure {
            throw StartupError(message: "smtpd_listen: \(failure)")
        }
        let pickup = self.pickup
        pickupTask.withLockedValue { $0 = Task { await pickup.run() } }
    }

    /// Looks at the maildrop now (SIGUSR1, `postqueue -f`).
    public func flush() {
        pickup.trigger()
    }

    /// Loopback addresses are logged as `localhost`, others as `unknown` (no DNS lookups yet).
    static func clientName(_ address: String) -> String {
        address.hasPrefix("127.") || address == "::1" || address == "::ffff:127.0.0.1" ? "localhost" : "unknown"
    }

    /// The ports bound by the SMTP listener (tests bind port 0).
    public var smtpPorts: [Int] { listeners.withLockedValue { $0.first?.boundPorts ?? [] } }

    /// New settings for connections accepted from now on (SIGHUP). Listener
    /// addresses need a restart, as in Postfix.
    public func reload(_ settings: CarrierSettings) {
        let fresh = Self.makeServices(settings, store: store, directory: directory, logWriter: logWriter, queueIDs: queueIDs,
                                      privilegedHelper: privilegedHelper)
        services.withLockedValue { $0 = fresh }
    }

    /// Stops accepting, waits up to `gracePeriod` for sessions to end, then asks
    /// the rest to close (421) and shuts the event loops down.
    public func shutdown(gracePeriod: Duration) async {
        let bound = listeners.withLockedValue { l in defer { l = [] }; return l }
        for listener in bound { await listener.close() }
        if let task = pickupTask.withLockedValue({ t in defer { t = nil }; return t }) {
            task.cancel()
            pickup.trigger()
            await task.value
        }
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
