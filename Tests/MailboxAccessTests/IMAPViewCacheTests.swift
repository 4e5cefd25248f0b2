import CarrierStore
import Testing
@testable import MailboxAccess

/// Sessions share one message list per mailbox state.
@Suite struct IMAPViewCacheTests {
    static func entries(_ uids: ClosedRange<Int64>) -> [IMAPMessageEntry] {
        uids.map {
            IMAPMessageEntry(MessageRecord(mailboxID: 1, uid: $0, modSeq: $0, flags: ["\\Seen"], internalDate: 0, size: 10,
                                           bodyHash: String(repeating: "ab", count: 32), queueID: nil))
        }
    }

    @Test func aSecondSessionGetsTheCachedListOfTheSameState() {
        let cache = IMAPViewCache()
        let first = cache.share(mailboxID: 1, modSeq: 5, messages: Self.entries(1...3))
        let second = cache.share(mailboxID: 1, modSeq: 5, messages: Self.entries(1...3))
        #expect(second.count == 3)
        #expect(cache.messages(mailboxID: 1, modSeq: 5)?.map(\.uid) == first.map(\.uid))
        #expect(cache.messages(mailboxID: 1, modSeq: 4) == nil, "another state is never handed out")
        _ = cache.share(mailboxID: 1, modSeq: 3, messages: Self.entries(1...2))
        #expect(cache.messages(mailboxID: 1, modSeq: 5) != nil, "an older state does not replace a newer one")
    }

    @Test func theLeastRecentlyUsedMailboxIsDropped() {
        let cache = IMAPViewCache(capacity: 2)
        _ = cache.share(mailboxID: 1, modSeq: 1, messages: Self.entries(1...1))
        _ = cache.share(mailboxID: 2, modSeq: 1, messages: Self.entries(1...1))
        _ = cache.messages(mailboxID: 1, modSeq: 1)
        _ = cache.share(mailboxID: 3, modSeq: 1, messages: Self.entries(1...1))
        #expect(cache.messages(mailboxID: 2, modSeq: 1) == nil)
        #expect(cache.messages(mailboxID: 1, modSeq: 1) != nil)
    }

    @Test func entriesKeepFlagsAndTheBodyHash() {
        let entry = Self.entries(7...7)[0]
        #expect(entry.flags == ["\\Seen"])
        #expect(entry.has("\\seen"))
        #expect(entry.bodyHash == String(repeating: "ab", count: 32))
    }
}
