import CarrierTesting
import NIOConcurrencyHelpers
import Testing
@testable import MailboxAccess

/// The notifier's look at the store: one read for every watcher, a wake-up
/// for those whose mailbox moved past what they knew, and no reads once
/// nobody watches.
@Suite struct MailboxChangeNotifierTests {
    @Test func watchersOfAMailboxThatMovedAreWoken() async throws {
        let modSeqs = NIOLockedValueBox<[Int64: Int64]>([1: 5, 2: 5])
        let reads = NIOLockedValueBox(0)
        let notifier = MailboxChangeNotifier(pollInterval: .milliseconds(10)) { ids in
            reads.withLockedValue { $0 += 1 }
            return modSeqs.withLockedValue { current in current.filter { ids.contains($0.key) } }
        }
        let woken = NIOLockedValueBox<[String]>([])
        func wake(_ name: String) -> @Sendable () -> Void { { woken.withLockedValue { $0.append(name) } } }
        let first = notifier.watch(mailboxID: 1, knownModSeq: 5, wake: wake("first"))
        let second = notifier.watch(mailboxID: 2, knownModSeq: 5, wake: wake("second"))
        let behind = notifier.watch(mailboxID: 1, knownModSeq: 4, wake: wake("behind"))
        try await poll("the watcher that was behind") { woken.withLockedValue { $0 } == ["behind"] ? () : nil }

        modSeqs.withLockedValue { $0[1] = 6 }
        try await poll("both watchers of mailbox 1") { woken.withLockedValue { $0.count } == 3 ? () : nil }
        #expect(Set(woken.withLockedValue { $0 }) == ["behind", "first"])

        notifier.changed(mailboxID: 2)
        #expect(woken.withLockedValue { $0.last } == "second", "a session's own signal wakes at once")
        modSeqs.withLockedValue { $0[2] = nil }
        try await poll("the watcher of the deleted mailbox") { woken.withLockedValue { $0.count } == 5 ? () : nil }
        try await Task.sleep(for: .milliseconds(100))
        #expect(woken.withLockedValue { $0.count } == 5, "woken once for a mailbox that is gone")

        for token in [first, second, behind] { notifier.unwatch(token) }
        try await poll("the look at the store stops") { notifier.isPolling ? nil : () }
        let stopped = reads.withLockedValue { $0 }
        try await Task.sleep(for: .milliseconds(100))
        #expect(reads.withLockedValue { $0 } == stopped, "no reads while nobody watches")
    }

    /// A delivery in this process is looked at after `deliveryLookDelay`,
    /// not at the next `pollInterval`.
    @Test func aDeliveryIsLookedAtSoon() async throws {
        let modSeqs = NIOLockedValueBox<[Int64: Int64]>([1: 5])
        let notifier = MailboxChangeNotifier(pollInterval: .seconds(3600), deliveryLookDelay: .milliseconds(20)) { _ in
            modSeqs.withLockedValue { $0 }
        }
        let woken = NIOLockedValueBox(0)
        let token = notifier.watch(mailboxID: 1, knownModSeq: 5) { woken.withLockedValue { $0 += 1 } }
        modSeqs.withLockedValue { $0[1] = 6 }
        try await Task.sleep(for: .milliseconds(200))
        #expect(woken.withLockedValue { $0 } == 0, "nothing looks before the hour without a delivery")
        notifier.delivered()
        try await poll("woken after the delivery") { woken.withLockedValue { $0 } == 1 ? () : nil }
        notifier.unwatch(token)
    }

    /// The store tells the notifier of its deliveries.
    @Test func aStoreDeliveryWakesTheWatchersOfItsMailbox() async throws {
        let server = try await IMAPTestServer()
        try await server.deliver(subject: "first")
        let inbox = try #require(try await server.store.mailboxes(userID: server.alice.id).first)
        let notifier = MailboxChangeNotifier(store: server.store, pollInterval: .seconds(3600), deliveryLookDelay: .milliseconds(10))
        let woken = NIOLockedValueBox(0)
        let token = notifier.watch(mailboxID: inbox.id, knownModSeq: inbox.highestModSeq) { woken.withLockedValue { $0 += 1 } }
        try await server.deliver(subject: "second")
        try await poll("woken by the delivery") { woken.withLockedValue { $0 } == 1 ? () : nil }
        notifier.unwatch(token)
    }
}
