import NIOConcurrencyHelpers

/// A clock for `DNSResolver`'s cache that moves only when told.
final class DNSTestClock: Sendable {
    private let start = ContinuousClock.now
    private let offset = NIOLockedValueBox(Duration.zero)

    func advance(_ duration: Duration) { offset.withLockedValue { $0 += duration } }

    var now: @Sendable () -> ContinuousClock.Instant {
        { [start, offset] in start + offset.withLockedValue { $0 } }
    }
}
