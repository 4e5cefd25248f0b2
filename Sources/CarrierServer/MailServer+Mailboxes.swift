import CarrierConfig
import CarrierNetwork
import Ingress
import MailboxAccess
import NIOCore

/// The mail-access listeners: POP3 (`pop3_listen` with STLS, `pop3s_listen`
/// with implicit TLS) and IMAP (`imap_listen` with STARTTLS, `imaps_listen`
/// with implicit TLS).
extension MailServer {
    /// What makes one connection of a mail-access service.
    typealias MailboxConnectionFactory = @Sendable (MailboxServices, ClientInfo) -> any MailboxConnection

    /// The mail-access services these settings ask for, by inherited-socket name.
    func mailboxServices(_ settings: CarrierSettings, tls: TLSServerContext)
        -> [(name: String, key: String, addresses: [ListenAddress], tls: ListenerTLS, idle: Duration, login: Duration?,
             make: MailboxConnectionFactory)] {
        [
            ("pop3", "pop3_listen", settings.pop3Listen, .startTLS(tls), settings.pop3IdleTimeout, nil,
             { POP3Connection(services: $0, client: $1, stlsOffered: true, implicitTLS: false) }),
            ("pop3s", "pop3s_listen", settings.pop3sListen, .implicit(tls), settings.pop3IdleTimeout, nil,
             { POP3Connection(services: $0, client: $1, stlsOffered: false, implicitTLS: true) }),
            ("imap", "imap_listen", settings.imapListen, .startTLS(tls), settings.imapIdleTimeout, settings.imapLoginTimeout,
             { IMAPConnection(services: $0, client: $1, startTLSOffered: true, implicitTLS: false) }),
            ("imaps", "imaps_listen", settings.imapsListen, .implicit(tls), settings.imapIdleTimeout, settings.imapLoginTimeout,
             { IMAPConnection(services: $0, client: $1, startTLSOffered: false, implicitTLS: true) }),
        ]
    }

    /// `login`: the shorter silence allowed before login, which the session enforces.
    func bindMailbox(_ endpoints: [StreamListener.Endpoint], tls: ListenerTLS, idle: Duration, login: Duration?,
                     make: @escaping MailboxConnectionFactory) async throws -> StreamListener {
        let services = self.services
        let locks = maildropLocks
        let changes = mailboxChanges
        let views = imapViews
        let changeReader = imapChangeReader
        let writer = logWriter
        return try await StreamListener.bind(
            endpoints, group: group, idleTimeout: Self.timeAmount(idle), silenceCheck: login.map(Self.timeAmount), tls: tls,
            registry: registry
        ) { peer in
            let current = services.withLockedValue { $0 }
            let trusted = current.settings.mynetworks.contains { $0.contains(peer.address) }
            let client = ClientInfo(hostname: Self.clientName(peer.address), address: peer.address, port: peer.port, isTrusted: trusted)
            let mailbox = MailboxServices(ingress: current, pop3Logger: writer.logger("pop3d"), imapLogger: writer.logger("imapd"),
                                          maildropLocks: locks, changes: changes, views: views,
                                          changeReader: changeReader)
            return MailboxStreamSession(make(mailbox, client))
        }
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        .nanoseconds(Int64(duration.components.seconds) * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }
}
