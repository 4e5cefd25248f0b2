/// When to try a deferred recipient again: exponential backoff between
/// `minimal_backoff_time` and `maximal_backoff_time`, as Postfix's qmgr does,
/// and when to give up (`maximal_queue_lifetime`).
public struct RetrySchedule: Sendable, Equatable {
    public var minimalBackoff: Int64 = 300
    public var maximalBackoff: Int64 = 4000
    public var maximalLifetime: Int64 = 5 * 86_400

    public init(minimalBackoff: Int64 = 300, maximalBackoff: Int64 = 4000, maximalLifetime: Int64 = 5 * 86_400) {
        self.minimalBackoff = minimalBackoff
        self.maximalBackoff = maximalBackoff
        self.maximalLifetime = maximalLifetime
    }

    /// Seconds since 1970 of the next attempt after `attempts` failed ones.
    public func nextAttempt(after attempts: Int, now: Int64) -> Int64 {
        let factor = Int64(1) << Int64(min(max(attempts, 0), 20))
        return now + min(maximalBackoff, minimalBackoff * factor)
    }

    /// True when a message that arrived at `arrival` has been queued too long.
    public func expired(arrival: Int64, now: Int64) -> Bool {
        now - arrival > maximalLifetime
    }
}
