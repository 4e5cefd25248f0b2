import CarrierStore
import IMAPProtocol

/// Quick resynchronization (RFC 7162 §3.2): what a client that remembers a
/// mailbox up to a mod-sequence has missed — the UIDs expunged since, as
/// `VANISHED (EARLIER)`, and the messages changed since, as FETCH.
extension IMAPConnection {
    /// The responses of `SELECT ... (QRESYNC (...))` after the usual ones
    /// (§3.2.5): nothing when the UIDVALIDITY differs.
    func qresyncResponses(_ view: IMAPMailboxView, _ parameters: IMAPQResyncParameters) async throws -> [IMAPResponse] {
        guard parameters.uidValidity == view.uidValidity else { return [] }
        let largest = UInt32(truncatingIfNeeded: max(0, view.uidNext - 1))
        let known = parameters.knownUIDs.flatMap { $0.resolved(largest: largest) }
            ?? IMAPNumberSet(normalizing: largest > 0 ? [1...largest] : [])
        let since = Int64(clamping: parameters.modSeq)
        var responses: [IMAPResponse] = []
        let floor = Self.matchedUID(view, numbers: parameters.knownSequenceNumbers, uids: parameters.knownSequenceUIDs)
        if let vanished = try await vanishedEarlier(view, known: known, since: since, above: floor) {
            responses.append(.untagged(.vanished(vanished, earlier: true)))
        }
        for (index, entry) in view.messages.enumerated() where entry.modSeq > since && known.contains(entry.uid) {
            let items: [IMAPFetchItem] = [.uid(entry.uid), .flags(entry.wireFlags), .modSeq(UInt64(entry.modSeq))]
            responses.append(.untagged(.fetch(UInt32(index + 1), items)))
        }
        return responses
    }

    /// The UIDs of `known` expunged after `since` (§3.2.6), nil when none.
    /// When the store's record does not reach back to `since`, every UID of
    /// `known` above `floor` that no longer exists is reported instead.
    /// UIDs the view still shows are left for the VANISHED that removes
    /// them from it (§3.2.10.2), so EXISTS and VANISHED always agree.
    func vanishedEarlier(_ view: IMAPMailboxView, known: IMAPNumberSet, since: Int64, above floor: UInt32 = 0) async throws -> IMAPNumberSet? {
        let expunged = try await services.ingress.store.expunged(mailboxID: view.mailboxID, sinceModSeq: since)
        let vanished = expunged.complete
            ? IMAPNumberSet(expunged.uids.map { UInt32(truncatingIfNeeded: $0) }.filter { known.contains($0) && view.index(ofUID: $0) == nil })
            : Self.missing(view, in: known, above: floor)
        return vanished.isEmpty ? nil : vanished
    }

    /// The UIDs of `set` above `floor` that the view does not hold, walking
    /// the set's ranges and the view's UIDs side by side.
    static func missing(_ view: IMAPMailboxView, in set: IMAPNumberSet, above floor: UInt32) -> IMAPNumberSet {
        let limit = UInt32(truncatingIfNeeded: max(0, view.uidNext - 1))
        var gaps: [ClosedRange<UInt32>] = []
        var index = 0
        for range in set.ranges where range.upperBound > floor && range.lowerBound <= limit {
            var next = max(range.lowerBound, floor + 1)
            let end = min(range.upperBound, limit)
            while index < view.messages.count, view.messages[index].uid < next { index += 1 }
            while next <= end {
                guard index < view.messages.count, view.messages[index].uid <= end else {
                    gaps.append(next...end)
                    break
                }
                let present = view.messages[index].uid
                if present > next { gaps.append(next...(present - 1)) }
                guard present < UInt32.max else { break }
                next = present + 1
                index += 1
            }
        }
        return IMAPNumberSet(normalizing: gaps)
    }

    /// The message sequence match data (§3.2.5.2): the UID of the last pair,
    /// in order, whose message number still has that UID; the client knows
    /// of every expunge up to it. Zero when none matches.
    static func matchedUID(_ view: IMAPMailboxView, numbers: IMAPSequenceSet?, uids: IMAPSequenceSet?) -> UInt32 {
        guard let numbers = numbers?.resolved(largest: UInt32(view.messages.count))?.numbers,
              let uids = uids?.resolved(largest: view.messages.last?.uid ?? 0)?.numbers, numbers.count == uids.count else { return 0 }
        var matched: UInt32 = 0
        for (number, uid) in zip(numbers, uids) {
            guard number >= 1, Int(number) <= view.messages.count, view.messages[Int(number) - 1].uid == uid else { break }
            matched = uid
        }
        return matched
    }
}
