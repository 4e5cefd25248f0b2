import CarrierStore
import NIOConcurrencyHelpers

/// Wakes the sessions watching a mailbox when it changes (new mail, flags,
/// expunges), so IMAP IDLE reports at once and other sessions report at their
/// next command (RFC 9051 §7.5.1). Sessions signal it directly after their
/// own writes. For deliveries it looks at the watched mailboxes'
/// mod-sequences — one read for all watchers, running only while somebody
/// watches — `deliveryLookDelay` after a delivery in this process (the
/// deliveries meanwhile share the look) and every `pollInterval` for other
/// processes, and wakes the watchers of a mailbox that moved past what they
/// last knew.
public final class MailboxChangeNotifier: Sendable {
    /// The highest mod-sequence of each of these mailboxes that still exists.
    public typealias ModSeqReader = @Sendable ([Int64]) async throws -> [Int64: Int64]

    private struct Watcher {
        let mailboxID: Int64
        var knownModSeq: Int64
        let wake: @Sendable () -> Void
    }

    private struct State {
        var watchers: [UInt64: Watcher] = [:]
        var nextToken: UInt64 = 0
        var polling = false
        /// A delivery happened since the last look.
        var delivered = false
        /// The wait for the next look, which a delivery cuts short.
        var nap: Task<Void, Never>?
    }

    private let state = NIOLockedValueBox(State())
    private let readModSeqs: ModSeqReader?
    let pollInterval: Duration
    let deliveryLookDelay: Duration

    /// Without `readModSeqs` only the sessions' own signals wake watchers.
    public init(pollInterval: Duration = .seconds(1), deliveryLookDelay: Duration = .milliseconds(200),
                readModSeqs: ModSeqReader? = nil) {
        self.pollInterval = pollInterval
        self.deliveryLookDelay = deliveryLookDelay
        self.readModSeqs = readModSeqs
    }

    /// Watches the mailboxes of `store`, and looks soon after its deliveries.
    public convenience init(store: any MailStore, pollInterval: Duration = .seconds(1),
                            deliveryLookDelay: Duration = .milliseconds(200)) {
        self.init(pollInterval: pollInterval, deliveryLookDelay: deliveryLookDelay) {
            try await store.highestModSeqs(mailboxIDs: $0)
        }
        store.observeDeliveries { [weak self] in self?.delivered() }
    }

    /// A message was delivered to some mailbox: look at the store soon.
    public func delivered() {
        state.withLockedValue { state -> Task<Void, Never>? in
            state.delivered = true
            return state.nap
        }?.cancel()
    }

    /// Calls `wake` after each change to mailbox `mailboxID` until `unwatch`;
    /// `knownModSeq` is the state the watcher has seen.
    public func watch(mailboxID: Int64, knownModSeq: Int64, wake: @escaping @Sendable () -> Void) -> UInt64 {
        let (token, startPolling) = state.withLockedValue { state -> (UInt64, Bool) in
            state.nextToken += 1
            state.watchers[state.nextToken] = Watcher(mailboxID: mailboxID, knownModSeq: knownModSeq, wake: wake)
            let start = readModSeqs != nil && !state.polling
            if start { state.polling = true }
            return (state.nextToken, start)
        }
        if startPolling { Task { await self.poll() } }
        return token
    }

    /// Stops calling a watcher; the last one leaving ends the looking task.
    public func unwatch(_ token: UInt64) {
        state.withLockedValue { state -> Task<Void, Never>? in
            state.watchers[token] = nil
            return state.watchers.isEmpty ? state.nap : nil
        }?.cancel()
    }

    /// Whether the look at the store runs (only while somebody watches).
    var isPolling: Bool {
        state.withLockedValue { $0.polling }
    }

    /// Mailbox `mailboxID` changed.
    public func changed(mailboxID: Int64) {
        let wakes = state.withLockedValue { $0.watchers.values.filter { $0.mailboxID == mailboxID }.map(\.wake) }
        for wake in wakes { wake() }
    }

    /// Looks at the watched mailboxes every `pollInterval`, and
    /// `deliveryLookDelay` after a delivery (or after the last look, when
    /// that was later), until nobody watches.
    private func poll() async {
        guard let readModSeqs else { return }
        let clock = ContinuousClock()
        var lastLook = clock.now
        while true {
            let nap = Task { [pollInterval, lastLook] in
                _ = try? await Task.sleep(until: lastLook + pollInterval, clock: clock)
            }
            let deliveredAlready = state.withLockedValue { state -> Bool in
                state.nap = nap
                return state.delivered
            }
            if deliveredAlready { nap.cancel() }
            await nap.value
            // Deliveries close together share one look.
            if clock.now < lastLook + deliveryLookDelay { try? await Task.sleep(until: lastLook + deliveryLookDelay, clock: clock) }
            let look: Set<Int64>? = state.withLockedValue { state in
                state.nap = nil
                state.delivered = false
                if state.watchers.isEmpty { state.polling = false }
                return state.watchers.isEmpty ? nil : Set(state.watchers.values.map(\.mailboxID))
            }
            guard let watched = look else { return }
            lastLook = clock.now
            guard let current = try? await readModSeqs(Array(watched)) else { continue }
            let wakes = state.withLockedValue { state in
                var wakes: [@Sendable () -> Void] = []
                for (token, watcher) in state.watchers {
                    // A mailbox that is gone wakes its watchers once: their next look finds out.
                    let now = current[watcher.mailboxID] ?? .max
                    guard watched.contains(watcher.mailboxID), now > watcher.knownModSeq else { continue }
                    state.watchers[token]?.knownModSeq = now
                    wakes.append(watcher.wake)
                }
                return wakes
            }
            for wake in wakes { wake() }
        }
    }
}
