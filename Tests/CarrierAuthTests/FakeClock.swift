import Synchronization

/// A clock the test moves by hand, for `AuthFailureLimiter(now:)`.
final class FakeClock: Sendable {
    private let instant = Mutex(ContinuousClock.now)

    var now: @Sendable () -> ContinuousClock.Instant {
        { [self] in instant.withLock { $0 } }
    }

    func advance(_ duration: Duration) {
        instant.withLock { $0 += duration }
    }
}
