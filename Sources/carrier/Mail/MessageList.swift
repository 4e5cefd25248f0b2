/// A mailx message list: which messages a command applies to. Items are
/// separated by spaces: `N`, `N-M`, `*` (all), `$` (last), `^` (first),
/// `.` (current); an empty list means the current message.
struct MessageList: Equatable {
    /// One item of the list.
    enum Item: Equatable {
        case number(Int)
        case range(Int, Int)
        case all
        case last
        case first
        case current
    }

    var items: [Item] = []

    /// Parses the words of a message list.
    static func parse(_ words: [String]) throws(ReaderError) -> MessageList {
        var items: [Item] = []
        for word in words {
            switch word {
            case "*": items.append(.all)
            case "$": items.append(.last)
            case "^": items.append(.first)
            case ".": items.append(.current)
            default:
                let bounds = word.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
                guard let low = Int(bounds[0]), low >= 0 else { throw ReaderError(message: "Bad message list \"\(word)\"") }
                guard bounds.count == 2 else {
                    items.append(.number(low))
                    continue
                }
                guard let high = Int(bounds[1]), high >= low else {
                    throw ReaderError(message: "Bad message range \"\(word)\"")
                }
                items.append(.range(low, high))
            }
        }
        return MessageList(items: items)
    }

    /// The 0-based indices the list names, ascending and each once, among
    /// `count` messages with `dot` current. Only eligible messages are chosen
    /// (not deleted; deleted ones for `u`); naming another is an error, as in mailx.
    func resolve(count: Int, dot: Int, isEligible: (Int) -> Bool) throws(ReaderError) -> [Int] {
        let eligible = (0..<count).filter(isEligible)
        guard !items.isEmpty else {
            guard let chosen = isEligible(dot) ? dot : eligible.first(where: { $0 > dot }) ?? eligible.last(where: { $0 < dot })
            else { throw ReaderError(message: "No applicable messages") }
            return [chosen]
        }
        var chosen = Set<Int>()
        for item in items {
            switch item {
            case .number(let number):
                chosen.insert(try Self.check(number, count: count, isEligible: isEligible))
            case .range(let low, let high):
                _ = try Self.check(low, count: count, isEligible: { _ in true })
                _ = try Self.check(high, count: count, isEligible: { _ in true })
                chosen.formUnion(eligible.filter { (low - 1)...(high - 1) ~= $0 })
            case .all: chosen.formUnion(eligible)
            case .last: if let last = eligible.last { chosen.insert(last) }
            case .first: if let first = eligible.first { chosen.insert(first) }
            case .current: chosen.insert(try Self.check(dot + 1, count: count, isEligible: isEligible))
            }
        }
        guard !chosen.isEmpty else { throw ReaderError(message: "No applicable messages") }
        return chosen.sorted()
    }

    /// The index of message `number`, which must exist and be eligible.
    private static func check(_ number: Int, count: Int, isEligible: (Int) -> Bool) throws(ReaderError) -> Int {
        guard number >= 1 && number <= count else {
            throw ReaderError(message: "\(number): Invalid message number")
        }
        guard isEligible(number - 1) else { throw ReaderError(message: "\(number): Inappropriate message") }
        return number - 1
    }
}
