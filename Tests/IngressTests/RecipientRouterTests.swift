import CarrierConfig
import CarrierStore
import LocalDelivery
import CarrierTesting
import MailCore
import SMTPProtocol
import Testing
@testable import Ingress

@Suite struct RecipientRouterTests {
    struct Fixture {
        let dir: TemporaryDirectory
        let store: SQLiteMailStore
        let router: RecipientRouter
        let alice: UserRecord
        let bob: UserRecord

        init() async throws {
            dir = try TemporaryDirectory()
            store = try SQLiteMailStore(directory: dir.path)
            router = RecipientRouter(settings: TestSettings.make(directory: dir.path))
            alice = try await store.createUser(address: "alice", passwordHash: "x", isAdmin: true)
            bob = try await store.createUser(address: "bob", passwordHash: "x", isAdmin: false)
            _ = try await store.createUser(address: "carol@hosted.test", passwordHash: "x", isAdmin: false)
            try await store.replaceAliases([
                AliasRecord(name: "team", targets: ["alice", "bob@localhost"]),
                AliasRecord(name: "loop1", targets: ["loop2"]),
                AliasRecord(name: "loop2", targets: ["loop1"]),
                AliasRecord(name: "outside", targets: ["someone@remote.test"]),
                AliasRecord(name: "both", targets: ["alice", "someone@remote.test"]),
                AliasRecord(name: "pipe", targets: ["|/usr/bin/procmail"]),
            ])
        }

        func route(_ local: String, _ domain: String, trusted: Bool = false) async throws -> RouteDecision {
            router.route(EmailAddress(localPart: local, domain: domain), relayPermitted: trusted,
                         in: try await store.loadDirectory())
        }
    }

    /// mydestination domains share one namespace of local parts.
    @Test(arguments: ["example.test", "localhost", "LOCALHOST.", "mx.example.test"])
    func localDomainsShareUsers(domain: String) async throws {
        let f = try await Fixture()
        defer { f.dir.remove() }
        guard case .local(let targets) = try await f.route("Alice", domain) else { Issue.record(); return }
        #expect(storeUserIDs(targets) == [f.alice.id])
    }

    @Test func recipientDelimiterExtension() async throws {
        let f = try await Fixture()
        defer { f.dir.remove() }
        guard case .local(let targets) = try await f.route("alice+lists", "example.test") else { Issue.record(); return }
        #expect(storeUserIDs(targets) == [f.alice.id])
    }

    @Test func unknownLocalUser() async throws {
        let f = try await Fixture()
        defer { f.dir.remove() }
        let decision = try await f.route("nobody", "example.test")
        #expect(decision == .reject(SMTPReplyFixtures.userUnknown("nobody@example.test", "local recipient table")))
    }

    @Test func hostedDomainUsesFullAddress() async throws {
        let f = try await Fixture()
        defer { f.dir.remove() }
        guard case .local = try await f.route("carol", "hosted.test") else { Issue.record(); return }
        guard case .reject(let r) = try await f.route("alice", "hosted.test") else { Issue.record(); return }
        #expect(r.code == 550 && r.description.contains("virtual mailbox table"))
    }

    @Test func aliasToSeveralUsers() async throws {
        let f = try await Fixture()
        defer { f.dir.remove() }
        guard case .local(let targets) = try await f.route("team", "example.test") else { Issue.record(); return }
        #expect(Set(storeUserIDs(targets)) == [f.alice.id, f.bob.id])
    }

    @Test func trustedClientsRelayThroughTheQueue() async throws {
        let f = try await Fixture()
        defer { f.dir.remove() }
        #expect(try await f.route("x", "remote.test", trusted: true) == .remote(EmailAddress(localPart: "x", domain: "remote.test")))
    }

    @Test func relayDeniedForUntrustedClients() async throws {
        let f = try await Fixture()
        defer { f.dir.remove() }
        guard case .reject(let r) = try await f.route("x", "remote.test") else { Issue.record(); return }
        #expect(r.code == 554 && r.enhancedCode == EnhancedStatusCode(5, 7, 1))
        #expect(r.description.contains("Relay access denied"))
    }

    /// Pipes and loops are a 451, never accepted and dropped.
    @Test(arguments: [("pipe", "example.test", false), ("loop1", "example.test", false)])
    func notDeliverableYetIsTemporary(local: String, domain: String, trusted: Bool) async throws {
        let f = try await Fixture()
        defer { f.dir.remove() }
        guard case .reject(let r) = try await f.route(local, domain, trusted: trusted) else { Issue.record(); return }
        #expect(r.code == 451)
    }

    /// An alias naming remote addresses forwards to them, from any client: the
    /// alias is the local domain's to accept.
    @Test func aliasesToRemoteAddressesForward() async throws {
        let f = try await Fixture()
        defer { f.dir.remove() }
        let remote = EmailAddress(localPart: "someone", domain: "remote.test")
        #expect(try await f.route("outside", "example.test") == .split(local: [], remote: [remote]))
        guard case .split(let targets, let addresses) = try await f.route("both", "example.test") else { Issue.record(); return }
        #expect(storeUserIDs(targets) == [f.alice.id])
        #expect(addresses == [remote])
    }

    /// transport_maps: `local:` makes a domain local, `error:` refuses with its
    /// text and code, `smtp:` leaves relay control as it is (transport(5)).
    @Test func transportMapsRouteDomains() async throws {
        let f = try await Fixture()
        defer { f.dir.remove() }
        let table = TransportTable(entries: [["other.test": "local:", ".closed.test": "error:5.1.2 domain is closed",
                                              "busy.test": "retry:try later", "relay.test": "smtp:[10.0.0.1]:2525"]],
                                   problems: [])
        let router = RecipientRouter(settings: f.router.settings, transports: table)
        let directory = try await f.store.loadDirectory()
        func route(_ local: String, _ domain: String) -> RouteDecision {
            router.route(EmailAddress(localPart: local, domain: domain), relayPermitted: false, in: directory)
        }
        guard case .local(let targets) = route("alice", "other.test") else { Issue.record(); return }
        #expect(storeUserIDs(targets) == [f.alice.id])
        guard case .reject(let closed) = route("x", "mx.closed.test") else { Issue.record(); return }
        #expect(closed.code == 550 && closed.enhancedCode == EnhancedStatusCode(5, 1, 2) && closed.description.contains("domain is closed"))
        guard case .reject(let busy) = route("x", "busy.test") else { Issue.record(); return }
        #expect(busy.code == 450)
        guard case .reject(let relay) = route("x", "relay.test") else { Issue.record(); return }
        #expect(relay.code == 554)
    }

    /// RFC 5321 §4.5.1: postmaster must always be accepted; it goes to the first admin.
    @Test(arguments: [("postmaster", "example.test"), ("Postmaster", ""), ("abuse", "localhost")])
    func postmasterAndAbuseResolve(local: String, domain: String) async throws {
        let f = try await Fixture()
        defer { f.dir.remove() }
        guard case .local(let targets) = try await f.route(local, domain) else { Issue.record(); return }
        #expect(storeUserIDs(targets) == [f.alice.id])
    }
}

/// The user ids of store destinations, in order.
func storeUserIDs(_ targets: [LocalTarget]) -> [Int64] {
    targets.compactMap { target -> Int64? in
        if case .store(let id, _, _) = target.destination { return id }
        return nil
    }
}

enum SMTPReplyFixtures {
    static func userUnknown(_ address: String, _ table: String) -> SMTPReply {
        SMTPReply(550, EnhancedStatusCode(5, 1, 1), "<\(address)>: Recipient address rejected: User unknown in \(table)")
    }
}

/// `local_recipient_maps = unix:passwd.byname`: Unix accounts are recipients too.
@Suite struct SystemAccountRoutingTests {
    @Test func passwdAccountsGoToTheirSpoolMailbox() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteMailStore(directory: dir.path)
        var settings = TestSettings.make(directory: dir.path)
        settings.localRecipientMaps = [LookupTableReference(type: "unix", path: "passwd.byname")]
        settings.mailSpoolDirectory = dir.path + "/spool"
        let router = RecipientRouter(settings: settings)
        let snapshot = try await store.loadDirectory()
        let root = EmailAddress(localPart: "root", domain: "localhost")
        #expect(router.route(root, relayPermitted: false, in: snapshot) ==
                .reject(SMTPReplyFixtures.userUnknown("root@localhost", "local recipient table")))
        guard case .local(let targets) = router.route(root, relayPermitted: false, in: snapshot,
                                                      systemAccounts: SystemAccountDirectory(settings)) else {
            Issue.record("root not routed")
            return
        }
        guard case .mbox(let path, let account) = targets.first?.destination else { Issue.record(); return }
        #expect(path == dir.path + "/spool/root")
        #expect(account.uid == 0)
        settings.homeMailbox = "Maildir/"
        guard case .local(let maildir) = router.route(root, relayPermitted: false, in: snapshot,
                                                      systemAccounts: SystemAccountDirectory(settings)),
              case .maildir(_, "Maildir/") = maildir.first?.destination else { Issue.record(); return }
    }

    @Test func disabledWithoutThePasswdMap() {
        var settings = CarrierSettings.defaults(hostname: "mx.example.test")
        #expect(SystemAccountDirectory(settings).destination("root") == nil)
        settings.localRecipientMaps = [LookupTableReference(type: "unix", path: "passwd.byname")]
        #expect(SystemAccountDirectory(settings).destination("root") != nil)
        #expect(SystemAccountDirectory(settings).destination("no-such-account-here") == nil)
    }
}
