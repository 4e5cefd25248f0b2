import CarrierAuth
import CarrierStore
import CarrierTesting
import Ingress
import LocalDelivery
import Logging
import Testing
@testable import Queue

@Suite struct QueueManagerTests {
    /// A store with the admin alice and a queue manager with no outbound transport.
    struct Fixture {
        let dir: TemporaryDirectory
        let store: SQLiteMailStore
        let manager: QueueManager
        let alice: UserRecord

        init(lifetime: Int64 = 5 * 86_400) async throws {
            dir = try TemporaryDirectory()
            let store = try SQLiteMailStore(directory: dir.path)
            self.store = store
            alice = try await store.createUser(address: "alice", passwordHash: "x", isAdmin: true)
            let settings = TestSettings.make(directory: dir.path)
            let logger = Logger(label: "test")
            let directory = DirectoryCache(store: store)
            let agent = LocalDeliveryAgent(store: store, logger: logger, queueLogger: logger)
            let services = IngressServices(settings: settings, store: store, directory: directory, localDelivery: agent,
                                           queueIDs: QueueIDGenerator(), authLimiter: AuthFailureLimiter(),
                                           rateLimiter: ClientRateLimiter(connectionLimit: 0, messageLimit: 0),
                                           smtpdLogger: logger, cleanupLogger: logger)
            manager = QueueManager(store: store, schedule: RetrySchedule(maximalLifetime: lifetime), logger: logger) { services }
        }

        func queue(_ id: String, from sender: String, to recipients: [String], arrival: Int64) async throws {
            _ = try await store.deliver(DeliveryBatch(
                queueID: id, sender: sender, content: Array("Subject: queued \(id)\r\n\r\nbody\r\n".utf8),
                metadata: MessageMetadata(subject: "queued"), arrival: arrival, localCopies: [],
                queued: recipients.map { .init(address: $0, reason: "waiting") }))
        }
    }

    @Test func deferredLocalRecipientIsDeliveredOnceAndLeavesTheQueue() async throws {
        let f = try await Fixture()
        defer { f.dir.remove() }
        try await f.queue("Q1", from: "a@example.test", to: ["alice@localhost"], arrival: 1_000)
        await f.manager.runOnce(now: 2_000)
        #expect(try await f.store.messages(userID: f.alice.id, mailbox: "INBOX").count == 1)
        #expect(try await f.store.queueEntries().isEmpty)
        await f.manager.runOnce(now: 3_000)
        #expect(try await f.store.messages(userID: f.alice.id, mailbox: "INBOX").count == 1)
    }

    @Test func remoteRecipientWaitsWithBackoffThenBouncesWhenExpired() async throws {
        let f = try await Fixture(lifetime: 10_000)
        defer { f.dir.remove() }
        try await f.queue("Q2", from: "alice@localhost", to: ["bob@remote.test"], arrival: 1_000)
        await f.manager.runOnce(now: 1_100)
        let waiting = try await f.store.queueEntries()
        #expect(waiting.first?.recipients.first?.reason?.contains("outbound delivery is not configured") == true)
        #expect(try await f.store.dueQueueRecipients(now: 1_100, limit: 10).isEmpty, "backoff pushes the next attempt out")
        #expect(try await f.store.dueQueueRecipients(now: 1_100 + 300, limit: 10).count == 1)
        await f.manager.runOnce(now: 20_000)
        #expect(try await f.store.queueEntries().isEmpty)
        let bounce = try await f.store.messages(userID: f.alice.id, mailbox: "INBOX")
        #expect(bounce.count == 1)
        let text = try #require(try await f.store.content(hash: bounce[0].bodyHash)).map { Character(UnicodeScalar($0)) }
        #expect(String(text).contains("delivery time expired"))
    }

    @Test func unknownLocalRecipientBouncesAtOnce() async throws {
        let f = try await Fixture()
        defer { f.dir.remove() }
        try await f.queue("Q3", from: "alice@localhost", to: ["ghost@localhost"], arrival: 1_000)
        await f.manager.runOnce(now: 1_001)
        #expect(try await f.store.queueEntries().isEmpty)
        #expect(try await f.store.messages(userID: f.alice.id, mailbox: "INBOX").count == 1)
    }

    @Test func flushMakesEverythingDue() async throws {
        let f = try await Fixture()
        defer { f.dir.remove() }
        try await f.queue("Q4", from: "alice@localhost", to: ["bob@remote.test"], arrival: 1_000)
        try await f.store.deferQueueRecipient(queueID: "Q4", recipient: "bob@remote.test", reason: "later", nextAttempt: 9_999_999_999)
        #expect(try await f.store.dueQueueRecipients(now: 2_000, limit: 10).isEmpty)
        try await f.store.makeQueueDue()
        #expect(try await f.store.dueQueueRecipients(now: 2_000, limit: 10).count == 1)
    }

    @Test func backoffGrowsAndIsCapped() {
        let schedule = RetrySchedule()
        #expect(schedule.nextAttempt(after: 0, now: 0) == 300)
        #expect(schedule.nextAttempt(after: 1, now: 0) == 600)
        #expect(schedule.nextAttempt(after: 10, now: 0) == 4000)
        #expect(schedule.expired(arrival: 0, now: 5 * 86_400 + 1))
    }
}

@Suite struct BounceRulesTests {
    @Test func notifyNeverSuppressesTheBounce() async throws {
        let f = try await QueueManagerTests.Fixture()
        defer { f.dir.remove() }
        _ = try await f.store.deliver(DeliveryBatch(
            queueID: "N1", sender: "alice@localhost", content: Array("Subject: quiet\r\n\r\nx\r\n".utf8),
            metadata: MessageMetadata(), arrival: 1_000, localCopies: [],
            queued: [.init(address: "ghost@localhost", notify: "NEVER", reason: "waiting")]))
        await f.manager.runOnce(now: 1_001)
        #expect(try await f.store.queueEntries().isEmpty)
        #expect(try await f.store.messages(userID: f.alice.id, mailbox: "INBOX").isEmpty)
    }

    /// A bounce that cannot be delivered goes to postmaster once; that one failing is only logged.
    @Test func doubleBounceGoesToPostmasterAndNeverLoops() async throws {
        let f = try await QueueManagerTests.Fixture()
        defer { f.dir.remove() }
        try await f.queue("B1", from: "", to: ["ghost@localhost"], arrival: 1_000)
        await f.manager.runOnce(now: 1_001)
        let notices = try await f.store.messages(userID: f.alice.id, mailbox: "INBOX")
        #expect(notices.count == 1, "alice is the first admin, so postmaster's mail reaches her")
        let text = String(decoding: try #require(try await f.store.content(hash: notices[0].bodyHash)), as: UTF8.self)
        #expect(text.contains("X-Carrier-Double-Bounce: yes"))
        #expect(try await f.store.queueEntries().isEmpty)
    }
}

@Suite struct QueueHoldTests {
    @Test func holdKeepsMailOutOfDeliveryUntilReleased() async throws {
        let f = try await QueueManagerTests.Fixture()
        defer { f.dir.remove() }
        try await f.queue("H1", from: "alice@localhost", to: ["alice@localhost"], arrival: 1_000)
        #expect(try await f.store.setQueueHold(["H1"], hold: true) == 1)
        await f.manager.runOnce(now: 2_000)
        #expect(try await f.store.messages(userID: f.alice.id, mailbox: "INBOX").isEmpty, "held mail is not delivered")
        #expect(try await f.store.queueEntries().first?.recipients.first?.status == "hold")
        #expect(try await f.store.setQueueHold(nil, hold: false) == 1)
        await f.manager.runOnce(now: 2_001)
        #expect(try await f.store.messages(userID: f.alice.id, mailbox: "INBOX").count == 1)
    }

    @Test func requeueMakesOneMessageDue() async throws {
        let f = try await QueueManagerTests.Fixture()
        defer { f.dir.remove() }
        try await f.queue("R1", from: "alice@localhost", to: ["x@remote.test"], arrival: 1_000)
        try await f.store.deferQueueRecipient(queueID: "R1", recipient: "x@remote.test", reason: "later", nextAttempt: 9_999_999)
        #expect(try await f.store.requeue(["R1"]) == 1)
        #expect(try await f.store.requeue(["NOPE"]) == 0)
        #expect(try await f.store.dueQueueRecipients(now: 1_001, limit: 5).count == 1)
    }
}
