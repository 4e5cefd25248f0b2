import CarrierStore
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
        #expect(targets.map(\.userID) == [f.alice.id])
    }

    @Test func recipientDelimiterExtension() async throws {
        let f = try await Fixture()
        defer { f.dir.remove() }
        guard case .local(let targets) = try await f.route("alice+lists", "example.test") else { Issue.record(); return }
        #expect(targets.map(\.userID) == [f.alice.id])
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
        #expect(Set(targets.map(\.userID)) == [f.alice.id, f.bob.id])
    }

    @Test func relayDeniedForUntrustedClients() async throws {
        let f = try await Fixture()
        defer { f.dir.remove() }
        guard case .reject(let r) = try await f.route("x", "remote.test") else { Issue.record(); return }
        #expect(r.code == 554 && r.enhancedCode == EnhancedStatusCode(5, 7, 1))
        #expect(r.description.contains("Relay access denied"))
    }

    /// Until outbound delivery exists, anything that would leave the host is a 451, never dropped.
    @Test(arguments: [("x", "remote.test", true), ("outside", "example.test", false), ("pipe", "example.test", false),
                      ("loop1", "example.test", false)])
    func notDeliverableYetIsTemporary(local: String, domain: String, trusted: Bool) async throws {
        let f = try await Fixture()
        defer { f.dir.remove() }
        guard case .reject(let r) = try await f.route(local, domain, trusted: trusted) else { Issue.record(); return }
        #expect(r.code == 451)
    }

    /// RFC 5321 §4.5.1: postmaster must always be accepted; it goes to the first admin.
    @Test(arguments: [("postmaster", "example.test"), ("Postmaster", ""), ("abuse", "localhost")])
    func postmasterAndAbuseResolve(local: String, domain: String) async throws {
        let f = try await Fixture()
        defer { f.dir.remove() }
        guard case .local(let targets) = try await f.route(local, domain) else { Issue.record(); return }
        #expect(targets.map(\.userID) == [f.alice.id])
    }
}

enum SMTPReplyFixtures {
    static func userUnknown(_ address: String, _ table: String) -> SMTPReply {
        SMTPReply(550, EnhancedStatusCode(5, 1, 1), "<\(address)>: Recipient address rejected: User unknown in \(table)")
    }
}
