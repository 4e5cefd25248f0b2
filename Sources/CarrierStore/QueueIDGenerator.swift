import Foundation

/// Makes Postfix-style queue ids: uppercase hex, time-ordered, unique across
/// the processes that share a data directory (the server, `sendmail`,
/// `carrier mail`): the microseconds since 1970 (13 digits until the year 2112),
/// made strictly increasing within the process, then 6 digits of the process
/// id. Ids never repeat, so delivery keyed by queue id stays idempotent. Log tools that expect
/// `[0-9A-F]+` keep working.
public final class QueueIDGenerator: @unchecked Sendable {
    private let lock = NSLock()
    private var last: UInt64 = 0
    private let suffix: String

    public init(processID: Int32 = getpid()) {
        let hex = String(UInt32(truncatingIfNeeded: processID) & 0xFF_FFFF, radix: 16, uppercase: true)
        suffix = String(repeating: "0", count: 6 - hex.count) + hex
    }

    public func next() -> String {
        let micros = UInt64(Date().timeIntervalSince1970 * 1_000_000)
        lock.lock()
        let value = max(micros, last + 1)
        last = value
        lock.unlock()
        let hex = String(value, radix: 16, uppercase: true)
        return hex + suffix
    }
}
