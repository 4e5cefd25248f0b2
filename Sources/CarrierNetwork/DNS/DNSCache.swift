import NIOConcurrencyHelpers

/// Answers kept until their TTL runs out (RFC 1035 §7.4), positive and
/// negative (RFC 2308 §5) in separate bounded tables so a flood of
/// nonexistent names cannot push out good answers. Time comes from `now`, so
/// tests can move it.
final class DNSCache: Sendable {
    private struct Entry {
        var answer: DNSAnswer<[DNSRecord]>
        var expires: ContinuousClock.Instant
    }

    private struct Key: Hashable {
        var name: String
        var type: DNSRecordType
    }

    private let positive = NIOLockedValueBox<[Key: Entry]>([:])
    private let negative = NIOLockedValueBox<[Key: Entry]>([:])
    private let capacity: Int
    private let now: @Sendable () -> ContinuousClock.Instant

    init(capacity: Int = DNSLimits.cacheEntries, now: @escaping @Sendable () -> ContinuousClock.Instant) {
        self.capacity = capacity
        self.now = now
    }

    func lookup(_ name: String, _ type: DNSRecordType) -> DNSAnswer<[DNSRecord]>? {
        let key = Key(name: DNSName.normalized(name), type: type), time = now()
        for table in [positive, negative] {
            if let answer = table.withLockedValue({ Self.fresh($0, key, at: time) }) { return answer }
        }
        return nil
    }

    /// Keeps `answer` for `ttl` seconds; a TTL of zero is not cached (RFC 1035 §3.2.1).
    func store(_ answer: DNSAnswer<[DNSRecord]>, for name: String, _ type: DNSRecordType, ttl: UInt32) {
        guard ttl > 0 else { return }
        let key = Key(name: DNSName.normalized(name), type: type), time = now()
        let entry = Entry(answer: answer, expires: time + .seconds(Int64(ttl)))
        let table = if case .records = answer { positive } else { negative }
        table.withLockedValue { entries in
            if entries.count >= capacity, entries[key] == nil { makeRoom(&entries, at: time) }
            entries[key] = entry
        }
    }

    private static func fresh(_ entries: [Key: Entry], _ key: Key, at time: ContinuousClock.Instant)
        -> DNSAnswer<[DNSRecord]>? {
        guard let entry = entries[key], entry.expires > time else { return nil }
        return entry.answer
    }

    /// Drops expired entries, or failing that the one closest to expiry.
    private func makeRoom(_ entries: inout [Key: Entry], at time: ContinuousClock.Instant) {
        entries = entries.filter { $0.value.expires > time }
        if entries.count >= capacity, let soonest = entries.min(by: { $0.value.expires < $1.value.expires }) {
            entries[soonest.key] = nil
        }
    }
}
