extension AuthFailureLimiter {
    /// The recent failures of one key and its lockout, if any.
    struct Record: Sendable {
        /// Times of the failures still inside the window, oldest first; cleared
        /// when a lockout starts, so never longer than the failure limit.
        var failures: [ContinuousClock.Instant] = []
        var lockedUntil: ContinuousClock.Instant?
        /// The last failure, which orders eviction.
        var lastFailure: ContinuousClock.Instant

        /// Forgets failures older than `window` and an expired lockout.
        mutating func expire(at now: ContinuousClock.Instant, window: Duration) {
            failures.removeAll { now - $0 >= window }
            if let lockedUntil, lockedUntil <= now { self.lockedUntil = nil }
        }

        /// True when the record no longer affects any verdict.
        var isIdle: Bool { failures.isEmpty && lockedUntil == nil }
    }
}
