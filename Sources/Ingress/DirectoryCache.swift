import CarrierStore
import Foundation
import NIOConcurrencyHelpers

/// The routing view of users and aliases: a `DirectorySnapshot` kept in memory
/// and reloaded when the store's directory version changes, so `carrier user`
/// and `carrier newaliases` take effect in the running server without a reload.
///
/// Routing reads the snapshot without waiting. A miss (unknown recipient)
/// checks the version before it is believed; a hit on a snapshot older than
/// `maximumAge` triggers a background check, so removals show within about a second.
public final class DirectoryCache: Sendable {
    private struct State {
        var snapshot: DirectorySnapshot
        var loadedAt: ContinuousClock.Instant
        var refreshing = false
    }

    public let store: any MailStore
    public let maximumAge: Duration
    private let state: NIOLockedValueBox<State>

    public init(store: any MailStore, maximumAge: Duration = .seconds(1)) {
        self.store = store
        self.maximumAge = maximumAge
        state = NIOLockedValueBox(State(snapshot: .empty, loadedAt: .now - .seconds(3600)))
    }

    /// The current snapshot; schedules a background version check when it is old.
    public var snapshot: DirectorySnapshot {
        let (snapshot, stale) = state.withLockedValue { s -> (DirectorySnapshot, Bool) in
            let stale = !s.refreshing && ContinuousClock.now - s.loadedAt > maximumAge
            if stale { s.refreshing = true }
            return (s.snapshot, stale)
        }
        if stale {
            Task {
                _ = try? await self.refreshIfChanged()
                self.state.withLockedValue { $0.refreshing = false }
            }
        }
        return snapshot
    }

    /// Reloads the snapshot when the store's version differs; returns the current one.
    @discardableResult
    public func refreshIfChanged() async throws -> DirectorySnapshot {
        let version = try await store.directoryVersion()
        let current = state.withLockedValue { $0.snapshot }
        if version == current.version {
            state.withLockedValue { $0.loadedAt = .now }
            return current
        }
        let fresh = try await store.loadDirectory()
        return state.withLockedValue { s in
            if fresh.version >= s.snapshot.version {
                s.snapshot = fresh
                s.loadedAt = .now
            }
            return s.snapshot
        }
    }
}
