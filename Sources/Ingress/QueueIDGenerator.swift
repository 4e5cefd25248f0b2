import Foundation

/// Makes Postfix-style queue ids: uppercase hex, time-ordered, unique within the
/// process (`3F2A9C81B0` plus two more digits), so ids sort by arrival and log
/// tools that expect `[0-9A-F]+` keep working.
public final class QueueIDGenerator: @unchecked Sendable {
    private let lock = NSLock()
    private var last: UInt64 = 0

    public init() {}

    public func next() -> String {
        let micros = UInt64(Date().timeIntervalSince1970 * 1_000_000)
        lock.lock()
        let value = max(micros, last + 1)
        last = value
        lock.unlock()
        return String(value & 0xFFF_FFFF_FFFF, radix: 16, uppercase: true)
    }
}
