import NIOConcurrencyHelpers

/// Lets one waiting task sleep until another says "now" or a timeout passes.
/// A signal sent while nobody waits is kept for the next wait; a timeout
/// ends only the wait it belongs to and is never kept.
public final class WakeSignal: Sendable {
    public init() {}

    private struct State {
        var pending = false
        var waiter: (id: UInt64, continuation: CheckedContinuation<Void, Never>)?
        /// The number of the last wait begun, and of the last whose time ran out.
        var lastWait: UInt64 = 0
        var lastExpired: UInt64 = 0
    }

    private let state = NIOLockedValueBox(State())

    public func signal() {
        let waiter = state.withLockedValue { s -> CheckedContinuation<Void, Never>? in
            guard let w = s.waiter else {
                s.pending = true
                return nil
            }
            s.waiter = nil
            return w.continuation
        }
        waiter?.resume()
    }

    /// Returns at the next signal, or after `timeout`.
    public func wait(timeout: Duration) async {
        let id = state.withLockedValue { s -> UInt64 in
            s.lastWait += 1
            return s.lastWait
        }
        let timer = Task { [weak self] in
            // Cancelled: the wait ended by a signal, and there is nothing to end.
            guard (try? await Task.sleep(for: timeout)) != nil else { return }
            self?.expire(id)
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLockedValue { s -> Bool in
                if s.lastExpired >= id { return true }
                if s.pending {
                    s.pending = false
                    return true
                }
                s.waiter = (id, continuation)
                return false
            }
            if ready { continuation.resume() }
        }
        timer.cancel()
    }

    /// The time of wait `id` ran out: it ends if it still waits (or as soon as it starts).
    private func expire(_ id: UInt64) {
        let waiter = state.withLockedValue { s -> CheckedContinuation<Void, Never>? in
            s.lastExpired = max(s.lastExpired, id)
            guard let w = s.waiter, w.id == id else { return nil }
            s.waiter = nil
            return w.continuation
        }
        waiter?.resume()
    }
}
