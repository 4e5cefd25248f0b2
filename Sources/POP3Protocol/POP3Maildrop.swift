/// The open maildrop as one session sees it (RFC 1939 §5): messages numbered
/// from 1 in the order the transport listed them, numbers stable for the whole
/// session, and deletion marks that only the UPDATE state makes real.
public struct POP3Maildrop: Sendable {
    /// Every message listed at login, deleted or not, by number - 1.
    public let messages: [POP3MessageInfo]
    private var deleted: [Bool]
    /// Messages not marked as deleted.
    public private(set) var count: Int
    /// Their total size in octets, as STAT reports it.
    public private(set) var octets: Int

    init(messages: [POP3MessageInfo]) {
        self.messages = messages
        self.deleted = Array(repeating: false, count: messages.count)
        self.count = messages.count
        self.octets = messages.reduce(0) { $0 + $1.size }
    }

    /// The message with this number, or the `-ERR` for a number that names no
    /// message or a deleted one (RFC 1939 §5: "may NOT refer to a message
    /// marked as deleted").
    func message(_ number: Int) -> Result<POP3MessageInfo, POP3Response> {
        guard number >= 1, number <= messages.count else { return .failure(.noSuchMessage(total: messages.count)) }
        guard !deleted[number - 1] else { return .failure(.alreadyDeleted(number)) }
        return .success(messages[number - 1])
    }

    /// Marks a message deleted; the caller has checked it with `message(_:)`.
    mutating func delete(_ number: Int) {
        deleted[number - 1] = true
        count -= 1
        octets -= messages[number - 1].size
    }

    /// RSET: every deletion mark is removed (RFC 1939 §5).
    mutating func undeleteAll() {
        deleted = Array(repeating: false, count: messages.count)
        count = messages.count
        octets = messages.reduce(0) { $0 + $1.size }
    }

    /// The numbers of the messages not marked as deleted, in order.
    var undeletedNumbers: [Int] { deleted.indices.filter { !deleted[$0] }.map { $0 + 1 } }

    /// The UIDs to remove in the UPDATE state, in message order.
    public var deletedUIDs: [Int64] { messages.indices.filter { deleted[$0] }.map { messages[$0].uid } }
}
