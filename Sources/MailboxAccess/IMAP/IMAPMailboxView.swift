import Foundation
import CarrierStore
import IMAPProtocol

/// One message as the selected mailbox shows it to a session, kept compact
/// because every session holds one per message of its selected mailbox: the
/// system flags as bits, keywords only when there are any, the SHA-256 body
/// hash as 32 bytes rather than 64 hex characters.
struct IMAPMessageEntry: Sendable {
    var uid: UInt32
    private var storedSize: UInt32
    var modSeq: Int64
    var internalDate: Int64
    private var systemFlags: UInt8
    private var keywords: [String]?
    private var digest: (UInt64, UInt64, UInt64, UInt64)
    /// A body hash that is not SHA-256 hex, kept as it is.
    private var otherHash: String?

    /// The system flags (RFC 9051 §2.3.2), reported in this (sorted) order before any keywords.
    static let systemFlagNames = ["\\Answered", "\\Deleted", "\\Draft", "\\Flagged", "\\Seen"]
    /// The system flags in the order of `systemFlagNames`' bits.
    private static let systemWireFlags: [IMAPFlag] = [.answered, .deleted, .draft, .flagged, .seen]

    /// The flags as FETCH writes them, straight from the bits.
    var wireFlags: [IMAPFlag] {
        var flags: [IMAPFlag] = []
        for (bit, flag) in Self.systemWireFlags.enumerated() where systemFlags & (1 << bit) != 0 { flags.append(flag) }
        if let keywords { flags += keywords.compactMap(IMAPFlag.init) }
        return flags
    }

    init(_ record: MessageRecord) {
        uid = UInt32(truncatingIfNeeded: record.uid)
        storedSize = UInt32(clamping: record.size)
        modSeq = record.modSeq
        internalDate = record.internalDate
        systemFlags = 0
        keywords = nil
        digest = (0, 0, 0, 0)
        otherHash = nil
        flags = record.flags
        bodyHash = record.bodyHash
    }

    var size: Int {
        get { Int(storedSize) }
        set { storedSize = UInt32(clamping: newValue) }
    }

    var flags: [String] {
        get {
            var names: [String] = []
            for (bit, name) in Self.systemFlagNames.enumerated() where systemFlags & (1 << bit) != 0 { names.append(name) }
            return names + (keywords ?? [])
        }
        set {
            systemFlags = 0
            var others: [String] = []
            for flag in newValue {
                if let bit = Self.systemFlagNames.firstIndex(where: { $0.caseInsensitiveCompare(flag) == .orderedSame }) {
                    systemFlags |= 1 << bit
                } else if !others.contains(flag) {
                    others.append(flag)
                }
            }
            keywords = others.isEmpty ? nil : others
        }
    }

    var bodyHash: String {
        get {
            if let otherHash { return otherHash }
            return String(unsafeUninitializedCapacity: 64) { buffer in
                for (word, value) in [digest.0, digest.1, digest.2, digest.3].enumerated() {
                    for nibble in 0..<16 {
                        buffer[word * 16 + nibble] = Self.hexDigits[Int(truncatingIfNeeded: value >> UInt64(60 - 4 * nibble)) & 0xF]
                    }
                }
                return 64
            }
        }
        set {
            let parts = stride(from: 0, to: newValue.count, by: 16).map { offset -> UInt64? in
                let start = newValue.index(newValue.startIndex, offsetBy: offset)
                let end = newValue.index(start, offsetBy: 16, limitedBy: newValue.endIndex) ?? newValue.endIndex
                return newValue[start..<end].count == 16 ? UInt64(newValue[start..<end], radix: 16) : nil
            }
            if parts.count == 4, newValue == newValue.lowercased(), let a = parts[0], let b = parts[1], let c = parts[2], let d = parts[3] {
                digest = (a, b, c, d)
                otherHash = nil
            } else {
                otherHash = newValue
            }
        }
    }

    func has(_ flag: String) -> Bool {
        if let bit = Self.systemFlagNames.firstIndex(where: { $0.caseInsensitiveCompare(flag) == .orderedSame }) {
            return systemFlags & (1 << bit) != 0
        }
        return keywords?.contains(flag) ?? false
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
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

    /// A view over a message list another session already built (shared storage).
    init(mailbox: MailboxRecord, entries: [IMAPMessageEntry], readOnly: Bool) {
        mailboxID = mailbox.id
        name = mailbox.name
        uidValidity = UInt32(truncatingIfNeeded: mailbox.uidValidity)
        self.readOnly = readOnly
        messages = entries
        uidNext = mailbox.uidNext
        highestModSeq = mailbox.highestModSeq
    }

    /// The index of the message with this UID.
    func index(ofUID uid: UInt32) -> Int? {
        Self.index(ofUID: uid, in: messages)
    }

    /// The index of the message with this UID in a list in UID order.
    static func index(ofUID uid: UInt32, in messages: [IMAPMessageEntry]) -> Int? {
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
    ///
    /// `shared` is the mailbox's whole message list as of the changes'
    /// mod-sequence when another session has already built it: a view that
    /// ends up holding every message (no expunge left unreported) takes that
    /// list instead of editing its own copy, so a thousand sessions of one
    /// mailbox do not each copy and patch it.
    mutating func apply(_ changes: IMAPMailboxChanges, expunges: Bool, condStore: Bool, qresync: Bool = false,
                        shared: [IMAPMessageEntry]? = nil) -> [IMAPUntaggedResponse] {
        var gone = pendingExpunges
        for expunged in changes.expunged {
            let uid = UInt32(truncatingIfNeeded: expunged.uid)
            if index(ofUID: uid) != nil { gone.insert(uid) }
        }
        if let present = changes.presentUIDs {
            let kept = Set(present.map { UInt32(truncatingIfNeeded: $0) })
            for entry in messages where !kept.contains(entry.uid) { gone.insert(entry.uid) }
        }
        var responses: [IMAPUntaggedResponse] = []
        let removed = expunges ? gone : []
        if !removed.isEmpty {
            if qresync {
                responses.append(.vanished(IMAPNumberSet(removed), earlier: false))
            } else {
                // Highest first, so each number is still right after the ones before it are gone.
                responses += removed.compactMap(index(ofUID:)).sorted(by: >).map { .expunge(UInt32($0 + 1)) }
            }
        }
        pendingExpunges = expunges ? [] : gone
        if let shared, pendingExpunges.isEmpty {
            responses += updates(to: shared, changes, condStore: condStore, remaining: messages.count - removed.count)
            messages = shared
        } else {
            if !removed.isEmpty { messages.removeAll { removed.contains($0.uid) } }
            responses += merge(changes, condStore: condStore)
        }
        uidNext = max(uidNext, changes.mailbox.uidNext)
        highestModSeq = max(highestModSeq, changes.mailbox.highestModSeq)
        return responses
    }

    /// Edits the list with the changed and new messages.
    private mutating func merge(_ changes: IMAPMailboxChanges, condStore: Bool) -> [IMAPUntaggedResponse] {
        var responses: [IMAPUntaggedResponse] = []
        var added = false
        for record in changes.changed {
            let entry = IMAPMessageEntry(record)
            if let index = index(ofUID: entry.uid) {
                if let update = Self.flagUpdate(from: messages[index], to: entry, number: index + 1, condStore: condStore) {
                    responses.append(update)
                }
                messages[index] = entry
            } else if entry.uid > (messages.last?.uid ?? 0) {
                messages.append(entry)
                added = true
            }
        }
        if added { responses.append(.exists(UInt32(messages.count))) }
        return responses
    }

    /// The responses that take the client from this list, less the
    /// `remaining` messages' expunges, to `shared`; changes nothing.
    private func updates(to shared: [IMAPMessageEntry], _ changes: IMAPMailboxChanges, condStore: Bool,
                         remaining: Int) -> [IMAPUntaggedResponse] {
        var responses: [IMAPUntaggedResponse] = []
        for record in changes.changed {
            let uid = UInt32(truncatingIfNeeded: record.uid)
            guard let old = index(ofUID: uid), let new = Self.index(ofUID: uid, in: shared),
                  let update = Self.flagUpdate(from: messages[old], to: shared[new], number: new + 1, condStore: condStore) else { continue }
            responses.append(update)
        }
        if shared.count > remaining { responses.append(.exists(UInt32(shared.count))) }
        return responses
    }

    /// The untagged FETCH that reports a message's new flags (and with
    /// CONDSTORE its new mod-sequence), or nil when the client has nothing to learn.
    private static func flagUpdate(from old: IMAPMessageEntry, to new: IMAPMessageEntry, number: Int,
                                   condStore: Bool) -> IMAPUntaggedResponse? {
        let changedFlags = Set(old.flags) != Set(new.flags)
        guard changedFlags || (condStore && old.modSeq != new.modSeq) else { return nil }
        var items: [IMAPFetchItem] = [.uid(new.uid), .flags(new.wireFlags)]
        if condStore { items.append(.modSeq(UInt64(new.modSeq))) }
        return .fetch(UInt32(number), items)
    }
}
