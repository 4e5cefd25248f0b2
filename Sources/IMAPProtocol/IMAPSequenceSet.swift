/// One end of a sequence range: a message sequence number or UID, or `*`,
/// the largest one in use (RFC 9051 §9, seq-number).
public enum IMAPSequenceNumber: Hashable, Sendable, CustomStringConvertible {
    case number(UInt32)
    case last

    /// The value, with `*` standing for `largest`.
    public func resolved(largest: UInt32) -> UInt32 {
        switch self {
        case .number(let value): value
        case .last: largest
        }
    }

    public var description: String {
        switch self {
        case .number(let value): String(value)
        case .last: "*"
        }
    }
}

/// `a:b`: both ends and every number between them, whichever end is larger
/// (RFC 9051 §9, seq-range); a single number has equal ends.
public struct IMAPSequenceRange: Hashable, Sendable, CustomStringConvertible {
    public var first: IMAPSequenceNumber
    public var last: IMAPSequenceNumber

    public init(_ first: IMAPSequenceNumber, _ last: IMAPSequenceNumber) {
        self.first = first
        self.last = last
    }

    public init(_ single: IMAPSequenceNumber) {
        self.init(single, single)
    }

    /// The numbers the range stands for, `*` being `largest`.
    public func resolved(largest: UInt32) -> ClosedRange<UInt32> {
        let a = first.resolved(largest: largest)
        let b = last.resolved(largest: largest)
        return min(a, b)...max(a, b)
    }

    public var description: String {
        first == last ? first.description : "\(first):\(last)"
    }
}

/// The sequence-set of a command (RFC 9051 §9): ranges of message sequence
/// numbers or UIDs, or `$`, the result saved by the last `SEARCH RETURN
/// (SAVE)` (RFC 5182 §2.1, RFC 9051 §6.4.4.1).
public enum IMAPSequenceSet: Hashable, Sendable, CustomStringConvertible {
    case ranges([IMAPSequenceRange])
    case lastResult

    /// The numbers named, `*` being `largest`; nil for `$`, which the
    /// session resolves from its saved search result.
    public func resolved(largest: UInt32) -> IMAPNumberSet? {
        guard case .ranges(let ranges) = self else { return nil }
        return IMAPNumberSet(normalizing: ranges.map { $0.resolved(largest: largest) })
    }

    /// Whether any end is `*`.
    public var mentionsLast: Bool {
        guard case .ranges(let ranges) = self else { return false }
        return ranges.contains { $0.first == .last || $0.last == .last }
    }

    public var description: String {
        switch self {
        case .ranges(let ranges): ranges.map(\.description).joined(separator: ",")
        case .lastResult: "$"
        }
    }
}
