/// A stored message body opened to read ranges of it over time, as a
/// large literal is sent piece by piece (`MailStore.openBody`). While the
/// reader lives the body stays readable, even if its last message is
/// expunged and the body collected meanwhile.
public protocol StoredBodyReader: Sendable {
    /// The body's octets in `range`, fewer when the body ends first.
    func read(_ range: Range<Int>) async throws -> [UInt8]
}

/// A body kept in the database: small, so held in memory.
struct InlineBodyReader: StoredBodyReader {
    let octets: [UInt8]

    func read(_ range: Range<Int>) async throws -> [UInt8] {
        let lower = min(max(0, range.lowerBound), octets.count)
        return Array(octets[lower..<min(max(lower, range.upperBound), octets.count)])
    }
}
