import Synchronization

/// Brute-force protection for SMTP AUTH, IMAP and POP3 logins: failures are
/// counted per client address and per account in a sliding window.
///
/// - From the `delayAfter`-th failure within the window (default the 3rd), the
///   next attempt waits 1 s, then 2 s, 4 s, and 8 s for every later failure.
/// - The `failureLimit`-th failure within the window (default 10 in 10 minutes,
///   `auth_failure_limit`) locks that client address and that account out for
///   `lockoutTime` (default 10 minutes, `auth_lockout_time`); failures reported
///   during a lockout do not extend it, and its end starts a fresh count.
/// - A success clears the client's and the account's counts.
///
/// Exempt clients (`mynetworks`) are the caller's business: it simply does not
/// ask. At most `maximumTrackedKeys` keys are kept; beyond that, expired ones go
/// first, then those that failed least recently, lockouts last.
public final class AuthFailureLimiter: Sendable {
    /// The first delay; each further failure doubles it.
    public static let initialDelay = Duration.seconds(1)
    public static let maximumDelay = Duration.seconds(8)

    public let failureLimit: Int
    public let window: Duration
    public let lockoutTime: Duration
    public let delayAfter: Int
    public let maximumTrackedKeys: Int
    private let now: @Sendable () -> ContinuousClock.Instant
    private let records = Mutex<[Key: Record]>([:])

    public init(failureLimit: Int = 10, window: Duration = .seconds(600), lockoutTime: Duration = .seconds(600),
                delayAfter: Int = 3, maximumTrackedKeys: Int = 100_000,
                now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        precondition(failureLimit > 0 && delayAfter > 0 && maximumTrackedKeys > 0)
        self.failureLimit = failureLimit
        self.window = window
        self.lockoutTime = lockoutTime
        self.delayAfter = delayAfter
        self.maximumTrackedKeys = maximumTrackedKeys
        self.now = now
    }

    /// Whether an attempt from `client` for `account` (nil while unknown) may be
    /// served now, and after what delay.
    public func verdict(client: String, account: String?) -> AuthVerdict {
        let time = now()
        return records.withLock { records in
            var remaining = Duration.zero
            var failures = 0
            for key in Key.keys(client: client, account: account) {
                guard var record = records[key] else { continue }
                record.expire(at: time, window: window)
                records[key] = record.isIdle ? nil : record
                if let lockedUntil = record.lockedUntil { remaining = max(remaining, lockedUntil - time) }
                failures = max(failures, record.failures.count)
            }
            return remaining > .zero ? .lockedOut(remaining: remaining) : .allowed(delay: delay(afterFailures: failures))
        }
    }

    /// Counts a failed attempt against the client and, when known, the account.
    public func recordFailure(client: String, account: String?) {
        let time = now()
        records.withLock { records in
            for key in Key.keys(client: client, account: account) {
                var record = records[key] ?? Record(lastFailure: time)
                record.expire(at: time, window: window)
                record.lastFailure = time
                if record.lockedUntil == nil {
                    record.failures.append(time)
                    if record.failures.count >= failureLimit {
                        record.lockedUntil = time + lockoutTime
                        record.failures.removeAll()
                    }
                }
                records[key] = record
            }
            evictIfNeeded(&records, at: time)
        }
    }

    /// Clears the counts of the client and of the account after a success.
    public func recordSuccess(client: String, account: String?) {
        records.withLock { records in
            for key in Key.keys(client: client, account: account) { records[key] = nil }
        }
    }

    /// How many client addresses and accounts are tracked now.
    public var trackedKeyCount: Int { records.withLock { $0.count } }

    /// Nothing before `delayAfter` failures, then 1 s doubling up to `maximumDelay`.
    private func delay(afterFailures failures: Int) -> Duration {
        guard failures >= delayAfter else { return .zero }
        let doublings = min(failures - delayAfter, 16)
        return min(Self.initialDelay * (1 << doublings), Self.maximumDelay)
    }

    /// Keeps the table within `maximumTrackedKeys`: drops idle records, then the
    /// least recently failed (unlocked before locked) down to 90 % of the bound,
    /// so the sort runs once per many insertions.
    private func evictIfNeeded(_ records: inout [Key: Record], at time: ContinuousClock.Instant) {
        guard records.count > maximumTrackedKeys else { return }
        records = records.compactMapValues { record in
            var record = record
            record.expire(at: time, window: window)
            return record.isIdle ? nil : record
        }
        guard records.count > maximumTrackedKeys else { return }
        let keep = maximumTrackedKeys - maximumTrackedKeys / 10
        func rank(_ record: Record) -> (Int, ContinuousClock.Instant) {
            (record.lockedUntil == nil ? 0 : 1, record.lastFailure)
        }
        let oldestFirst = records.sorted { rank($0.value) < rank($1.value) }
        for (key, _) in oldestFirst.prefix(records.count - keep) { records[key] = nil }
    }
}
