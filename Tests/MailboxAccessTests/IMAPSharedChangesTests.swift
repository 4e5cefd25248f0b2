@testable import CarrierStore
import CarrierTesting
import IMAPProtocol
import NIOConcurrencyHelpers
import Testing
@testable import MailboxAccess

/// Many sessions of one mailbox: their change reads are shared, the
/// message list they end with is shared, and what each is told is what it
/// would have been told alone.
@Suite struct IMAPSharedChangesTests {
    static let mailbox = MailboxRecord(id: 1, userID: 1, name: "INBOX", uidValidity: 7, uidNext: 11, highestModSeq: 20)

    static func record(_ uid: Int64, modSeq: Int64, flags: [String] = []) -> MessageRecord {
        MessageRecord(mailboxID: 1, uid: uid, modSeq: modSeq, flags: flags, internalDate: 0, size: 10,
                      bodyHash: String(repeating: "cd", count: 32), queueID: nil)
    }

    /// UIDs 1...8 at mod-sequence 10.
    static func view() -> IMAPMailboxView {
        var start = mailbox
        start.highestModSeq = 10
        start.uidNext = 9
        return IMAPMailboxView(mailbox: start, messages: (1...8).map { record($0, modSeq: $0) }, readOnly: false)
    }

    /// After 10: 3 and 6 expunged, 2 flagged \Seen, 4 given a keyword, 9 and 10 delivered.
    static let changes = IMAPMailboxChanges(
        mailbox: mailbox, sinceModSeq: 10,
        changed: [record(2, modSeq: 12, flags: ["\\Seen"]), record(4, modSeq: 18, flags: ["$Junk"]),
                  record(9, modSeq: 15), record(10, modSeq: 19)],
        expunged: [IMAPExpungedUID(uid: 3, modSeq: 11), IMAPExpungedUID(uid: 6, modSeq: 16)],
        expungeFloor: 0)

    /// Applying onto the list another session built answers exactly as
    /// editing one's own copy, for every combination the session can be in.
    @Test(arguments: [(true, false, false), (true, true, false), (true, false, true), (false, false, false), (false, true, true)])
    func takingTheSharedListAnswersAsEditingOnesOwn(expunges: Bool, condStore: Bool, qresync: Bool) {
        var alone = Self.view()
        let aloneResponses = alone.apply(Self.changes, expunges: true, condStore: condStore, qresync: qresync)
        let shared = alone.messages

        var own = Self.view()
        let ownResponses = own.apply(Self.changes, expunges: expunges, condStore: condStore, qresync: qresync)
        var sharing = Self.view()
        let sharingResponses = sharing.apply(Self.changes, expunges: expunges, condStore: condStore, qresync: qresync, shared: shared)
        let encoder = IMAPResponseEncoder()
        func wire(_ responses: [IMAPUntaggedResponse]) -> String {
            String(decoding: responses.flatMap { encoder.encode(.untagged($0)) }, as: UTF8.self)
        }
        #expect(wire(sharingResponses) == wire(ownResponses))
        #expect(sharing.messages.map(\.uid) == own.messages.map(\.uid))
        #expect(sharing.messages.map(\.flags) == own.messages.map(\.flags))
        #expect(sharing.pendingExpunges == own.pendingExpunges)
        #expect(sharing.highestModSeq == 20)
        if expunges {
            #expect(sharing.messages.map(\.uid) == [1, 2, 4, 5, 7, 8, 9, 10])
            #expect(wire(aloneResponses) == wire(ownResponses))
        } else {
            #expect(sharing.pendingExpunges == [3, 6], "expunges wait (RFC 9051 §7.5.1), so the shared list is not taken")
        }
    }

    @Test func expungeNumbersCountDownFromTheHighest() {
        var view = Self.view()
        let responses = view.apply(Self.changes, expunges: true, condStore: false)
        let encoder = IMAPResponseEncoder()
        let wire = String(decoding: responses.flatMap { encoder.encode(.untagged($0)) }, as: UTF8.self)
        #expect(wire == "* 6 EXPUNGE\r\n* 3 EXPUNGE\r\n* 2 FETCH (UID 2 FLAGS (\\Seen))\r\n* 3 FETCH (UID 4 FLAGS ($Junk))\r\n* 8 EXISTS\r\n")
    }

    /// RFC 7162 §3.2.5.2's situation for a selected mailbox: the expunge
    /// record no longer reaches back to the view's state, so the UIDs the
    /// mailbox still holds decide what is gone.
    @Test func missingExpungeRecordsAreFoundFromTheUIDsPresent() {
        var view = Self.view()
        let changes = IMAPMailboxChanges(mailbox: Self.mailbox, sinceModSeq: 10, changed: [Self.record(9, modSeq: 15)],
                                         expunged: [IMAPExpungedUID(uid: 6, modSeq: 16)],
                                         presentUIDs: [1, 4, 5, 7, 8, 9], expungeFloor: 14)
        _ = view.apply(changes, expunges: true, condStore: false)
        #expect(view.messages.map(\.uid) == [1, 4, 5, 7, 8, 9])
        #expect(changes.since(14).presentUIDs == nil, "a reader from the floor on misses nothing")
        #expect(changes.since(12).presentUIDs != nil)
    }

    @Test func laterReadersSeeOnlyWhatCameAfterThem() {
        let later = Self.changes.since(15)
        #expect(later.sinceModSeq == 15)
        #expect(later.changed.map(\.uid) == [4, 10])
        #expect(later.expunged.map(\.uid) == [6])
        #expect(Self.changes.since(5).changed.count == 4, "an earlier mod-sequence changes nothing")
    }

    /// Sessions that ask while a read runs share the next one, read from
    /// the oldest of their states; each gets its own part.
    @Test func askersDuringAReadShareTheNextOne() async throws {
        let reader = IMAPChangeReader()
        let reads = NIOLockedValueBox<[Int64]>([])
        let gate = AsyncStream<Void>.makeStream()
        let read: IMAPChangeReader.Read = { since in
            let first = reads.withLockedValue { reads in
                reads.append(since)
                return reads.count == 1
            }
            if first { for await _ in gate.stream { break } }
            return Self.changes.since(since)
        }
        let leader = Task { try await reader.changes(mailboxID: 1, sinceModSeq: 10, read: read) }
        while reads.withLockedValue({ $0.isEmpty }) { await Task.yield() }
        let followers = (0..<50).map { n in
            Task { try await reader.changes(mailboxID: 1, sinceModSeq: n % 2 == 0 ? 15 : 12, read: read) }
        }
        try await poll("fifty waiting") { reader.waitingCount(mailboxID: 1) == 50 ? () : nil }
        gate.continuation.yield()
        #expect(try await leader.value?.changed.count == 4)
        for (n, follower) in followers.enumerated() {
            let changes = try #require(try await follower.value)
            #expect(changes.sinceModSeq == (n % 2 == 0 ? 15 : 12))
            #expect(changes.changed.map(\.uid) == (n % 2 == 0 ? [4, 10] : [4, 9, 10]))
        }
        #expect(reads.withLockedValue { $0 } == [10, 12], "one read for the leader, one for all fifty others")
    }

    @Test func aFailedReadFailsEveryoneInItsRound() async throws {
        struct Broken: Error {}
        let reader = IMAPChangeReader()
        await #expect(throws: Broken.self) {
            try await reader.changes(mailboxID: 1, sinceModSeq: 10) { _ in throw Broken() }
        }
        #expect(try await reader.changes(mailboxID: 1, sinceModSeq: 10) { Self.changes.since($0) }?.changed.count == 4,
                "the next read runs")
    }
}
