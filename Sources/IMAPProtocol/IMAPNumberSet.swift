/// A set of concrete message numbers or UIDs as disjoint ranges, written in
/// the compact sequence-set form `1:5,7,9:12` (RFC 9051 §9). Responses use
/// it for `ESEARCH ALL`, `VANISHED`, `MODIFIED`, `APPENDUID` and `COPYUID`.
public struct IMAPNumberSet: Hashable, Sendable, CustomStringConvertible {
    public private(set) var ranges: [ClosedRange<UInt32>]
    private var isSorted = true

    /// The union of `ranges`, sorted ascending with overlapping and adjacent
    /// ranges merged.
    public init(normalizing ranges: some Sequence<ClosedRange<UInt32>>) {
        var merged: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, UInt64(range.lowerBound) <= UInt64(last.upperBound) + 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        self.ranges = merged
    }

    /// The given numbers, sorted, without duplicates, compacted.
    public init(_ numbers: some Sequence<UInt32>) {
        self.init(normalizing: numbers.map { $0...$0 })
    }

    /// The numbers in the order given, runs of consecutive ascending numbers
    /// merged: `COPYUID` pairs its source and destination sets by position
    /// (RFC 4315 §3), so they must not be reordered.
    public init(preservingOrder numbers: some Sequence<UInt32>) {
        var runs: [ClosedRange<UInt32>] = []
        for number in numbers {
            if let last = runs.last, last.upperBound < UInt32.max, number == last.upperBound + 1 {
                runs[runs.count - 1] = last.lowerBound...number
            } else {
                runs.append(number...number)
            }
        }
        self.ranges = runs
        self.isSorted = zip(runs, runs.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound }
    }

    public var isEmpty: Bool {
        ranges.isEmpty
    }

    /// How many numbers the set holds.
    public var count: Int {
        ranges.reduce(0) { $0 + Int($1.upperBound - $1.lowerBound) + 1 }
    }

    /// Whether `number` is in the set.
    public func contains(_ number: UInt32) -> Bool {
        guard isSorted else { return ranges.contains { $0.contains(number) } }
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < number {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < ranges.count && ranges[low].contains(number)
    }

    /// Every number, in set order.
    public var numbers: [UInt32] {
        ranges.flatMap { Array($0) }
    }

    public var description: String {
        ranges.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound):\($0.upperBound)" }
            .joined(separator: ",")
    }
}
