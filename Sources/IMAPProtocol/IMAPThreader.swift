/// THREAD (RFC 5256 §3): groups messages into threads with either
/// algorithm. Threads nest at most `maxDepth` branch levels; descendants
/// deeper than that are listed as siblings at the deepest level, so a
/// hostile mailbox cannot make responses, or the values holding them,
/// arbitrarily deep.
public enum IMAPThreader {
    /// How many branch levels a thread may nest.
    public static let maxDepth = 64

    /// The threads of `messages` (given in mailbox order) by `algorithm`.
    public static func thread(_ messages: [IMAPSortMessage], algorithm: IMAPThreadAlgorithm) -> [IMAPThreadNode] {
        switch algorithm {
        case .orderedSubject:
            return orderedSubject(messages)
        case .references:
            var threader = IMAPReferencesThreader(messages)
            return threader.threads()
        }
    }

    /// ORDEREDSUBJECT: messages with the same base subject form a thread,
    /// ordered by sent date; the first is the parent of all the others,
    /// and threads are ordered by their first message's sent date.
    public static func orderedSubject(_ messages: [IMAPSortMessage]) -> [IMAPThreadNode] {
        let subjects = messages.map(\.subjectKey)
        let order = messages.indices.sorted { a, b in
            if subjects[a] != subjects[b] { return subjects[a].lexicographicallyPrecedes(subjects[b]) }
            return before(messages, a, b)
        }
        var groups: [[Int]] = []
        for index in order {
            if let last = groups.last?.last, subjects[last] == subjects[index] {
                groups[groups.count - 1].append(index)
            } else {
                groups.append([index])
            }
        }
        groups.sort { before(messages, $0[0], $1[0]) }
        return groups.map { group in
            let numbers = group.map { messages[$0].number }
            switch numbers.count {
            case 1, 2: return IMAPThreadNode(numbers)
            default: return IMAPThreadNode([numbers[0]], numbers.dropFirst().map { IMAPThreadNode([$0]) })
            }
        }
    }

    /// Sent-date order with mailbox order breaking ties (RFC 5256 §2.2).
    static func before(_ messages: [IMAPSortMessage], _ a: Int, _ b: Int) -> Bool {
        let dateA = messages[a].sentDate
        let dateB = messages[b].sentDate
        return dateA != dateB ? dateA < dateB : a < b
    }
}

/// The Message IDs of a header field as RFC 5256 §3 REFERENCES compares
/// them: each `<...>`, with quoting, escapes and white space removed so
/// `<"a b"@x>` and `<ab@x>` are the same; only IDs with an `@` count.
enum IMAPMessageIDs {
    /// At most this many references of one message are used: the last
    /// ones, nearest the message.
    static let maxReferences = 128

    static func parse(_ field: String?) -> [String] {
        guard let field else { return [] }
        var ids: [String] = []
        var current: [UInt8]?
        for byte in field.utf8 {
            switch byte {
            case UInt8(ascii: "<"): current = []
            case UInt8(ascii: ">"):
                if let id = current, id.contains(UInt8(ascii: "@")), id.first != UInt8(ascii: "@") {
                    ids.append(String(decoding: id, as: UTF8.self))
                }
                current = nil
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x20, 0x09, 0x0D, 0x0A: break
            default: current?.append(byte)
            }
        }
        return ids
    }

    /// The first valid Message ID of the field.
    static func first(_ field: String?) -> String? {
        parse(field).first
    }
}
