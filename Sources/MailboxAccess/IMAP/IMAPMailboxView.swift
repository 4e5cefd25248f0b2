import CarrierStore
import IMAPProtocol

/// One message as the selected mailbox shows it to a session.
struct IMAPMessageEntry: Sendable {
    var uid: UInt32
    var flags: [String]
    var modSeq: Int64
    var size: Int
    var internalDate: Int64
    var bodyHash: String

    init(_ record: MessageRecord) {
        uid = UInt32(truncatingIfNeeded: record.uid)
        flags = record.flags
        modSeq = record.modSeq
        size = record.size
        internalDate = record.internalDate
        bodyHash = record.bodyHash
    }

    func has(_ flag: String) -> Bool { flags.contains(flag) }
}

/// The session's view of its selected mailbox (RFC 9051 §2.3.1.2): messages
/// in UID order, so the message sequence number is the index plus one. The
/// view changes only when the session reports the change to the client, which
/// keeps sequence numbers consistent while other sessions expunge.
struct IMAPMailboxView: Sendable {
    let mailboxID: Int64
    let name: String
    let uidValidity: UInt32
    let readOnly: Bool
    var messages: [IMAPMessageEntry]
    var uidNext: Int64
    var highestModSeq: Int64
    /// UIDs expunged by others and not yet reported (no EXPUNGE during
    /// FETCH, STORE or SEARCH, RFC 9051 §7.5.1).
    var pendingExpunges: Set<UInt32> = []

    init(mailbox: MailboxRecord, messages: [MessageRecord], readOnly: Bool) {
        mailboxID = mailbox.id
        name = mailbox.name
        uidValidity = UInt32(truncatingIfNeeded: mailbox.uidValidity)
        self.readOnly = readOnly
        self.messages = messages.map(IMAPMessageEntry.init)
        uidNext = mailbox.uidNext
        highestModSeq = mailbox.highestModSeq
    }

    /// The index of the message with this UID.
    func index(ofUID uid: UInt32) -> Int? {
        var low = 0
        var high = messages.count
        while low < high {
            let middle = (low + high) / 2
            if messages[middle].uid < uid { low = middle + 1 } else { high = middle }
        }
        return low < messages.count && messages[low].uid == uid ? low : nil
    }

    /// The indexes a sequence set names: message numbers out of range are
    /// an error (nil); UIDs that do not exist are skipped (RFC 9051 §6.4.8).
    func indexes(_ set: IMAPSequenceSet, uid: Bool, saved: [UInt32]) -> [Int]? {
        if uid {
            let largest = messages.last?.uid ?? 0
            let numbers = set.resolved(largest: largest) ?? IMAPNumberSet(saved)
            if numbers.count > messages.count {
                return messages.indices.filter { numbers.contains(messages[$0].uid) }
            }
            return numbers.numbers.compactMap(index(ofUID:))
        }
        guard let numbers = set.resolved(largest: UInt32(messages.count)) else {
            return IMAPNumberSet(saved).numbers.compactMap(index(ofUID:))
        }
        guard numbers.ranges.allSatisfy({ $0.lowerBound >= 1 && Int($0.upperBound) <= messages.count }) else { return nil }
        return numbers.numbers.map { Int($0) - 1 }
    }

    /// Applies what the store reports and returns the untagged responses
    /// that tell the client: EXPUNGE, or VANISHED once QRESYNC is enabled
    /// (RFC 7162 §3.2.10.2), only when `expunges` is allowed; EXISTS for new
    /// messages; FETCH for flags others changed.
    mutating func apply(_ changes: IMAPMailboxChanges, expunges: Bool, condStore: Bool, qresync: Bool = false) -> [IMAPUntaggedResponse] {
        var responses: [IMAPUntaggedResponse] = []
        for uid in changes.expunged {
            let uid = UInt32(truncatingIfNeeded: uid)
            if index(ofUID: uid) != nil { pendingExpunges.insert(uid) }
        }
        if expunges, !pendingExpunges.isEmpty {
            if qresync { responses.append(.vanished(IMAPNumberSet(pendingExpunges), earlier: false)) }
            for index in messages.indices.reversed() where pendingExpunges.contains(messages[index].uid) {
                if !qresync { responses.append(.expunge(UInt32(index + 1))) }
                messages.remove(at: index)
            }
            pendingExpunges = []
        }
        var added = false
        for record in changes.changed {
            let entry = IMAPMessageEntry(record)
            if let index = index(ofUID: entry.uid) {
                let changedFlags = Set(messages[index].flags) != Set(entry.flags)
                let changedModSeq = messages[index].modSeq != entry.modSeq
                messages[index] = entry
                if changedFlags || (condStore && changedModSeq) {
                    var items: [IMAPFetchItem] = [.uid(entry.uid), .flags(IMAPFlags.wire(entry.flags))]
                    if condStore { items.append(.modSeq(UInt64(entry.modSeq))) }
                    responses.append(.fetch(UInt32(index + 1), items))
                }
            } else if entry.uid > (messages.last?.uid ?? 0) {
                messages.append(entry)
                added = true
            }
        }
        if added { responses.append(.exists(UInt32(messages.count))) }
        uidNext = max(uidNext, changes.mailbox.uidNext)
        highestModSeq = max(highestModSeq, changes.mailbox.highestModSeq)
        return responses
    }
}
