import CarrierTesting
import Testing
@testable import CarrierStore

/// `mailbox_size_limit` at delivery and the expunge record of QRESYNC.
@Suite struct StoreQuotaExpungeTests {
    func batch(_ queueID: String, userID: Int64, limit: Int) -> DeliveryBatch {
        var batch = DeliveryBatch(queueID: queueID, sender: "a@example.test", content: Array("Subject: t\r\n\r\nhello\r\n".utf8),
                                  metadata: MessageMetadata(subject: "t"), arrival: 1_700_000_000,
                                  localCopies: [.init(userID: userID, recipient: "alice@x")])
        batch.mailboxSizeLimit = limit
        batch.mailboxFullReason = "full"
        return batch
    }

    @Test func fullMailboxQueuesTheCopyButDuplicatesStayDuplicates() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteMailStore(directory: dir.path)
        let alice = try await store.createUser(address: "alice", passwordHash: "h", isAdmin: false)
        #expect(try await store.deliver(batch("Q1", userID: alice.id, limit: 40)) == [.stored(uid: 1)])
        #expect(try await store.deliver(batch("Q1", userID: alice.id, limit: 40)) == [.alreadyDelivered])
        #expect(try await store.deliver(batch("Q2", userID: alice.id, limit: 40)) == [.mailboxFull])
        let queued = try await store.queueEntries()
        #expect(queued.map(\.queueID) == ["Q2"])
        #expect(queued.first?.recipients.map(\.reason) == ["full"])
        #expect(try await store.storageUsage(userID: alice.id) == StorageUsage(messages: 1, bytes: 21))
        #expect(try await store.deliver(batch("Q2", userID: alice.id, limit: 0)) == [.stored(uid: 2)])
    }

    @Test func expungesAndMovesAreRecorded() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteMailStore(directory: dir.path)
        let alice = try await store.createUser(address: "alice", passwordHash: "h", isAdmin: false)
        for id in ["Q1", "Q2", "Q3"] { _ = try await store.deliver(batch(id, userID: alice.id, limit: 0)) }
        let inbox = try #require(try await store.mailboxes(userID: alice.id).first)
        let trash = try await store.createMailbox(userID: alice.id, name: "Trash")
        _ = try await store.copyMessages(mailboxID: inbox.id, uids: [1, 3], to: trash.id, move: true)
        let moved = try #require(try await store.mailbox(id: inbox.id))
        #expect(moved.highestModSeq == inbox.highestModSeq + 1)
        #expect(try await store.expunged(mailboxID: inbox.id, sinceModSeq: inbox.highestModSeq) == IMAPExpungedUIDs(uids: [1, 3], complete: true))
        let changes = try #require(try await store.mailboxChanges(mailboxID: inbox.id, sinceModSeq: inbox.highestModSeq))
        #expect(changes.expunged.map(\.uid) == [1, 3])
        #expect(try await store.deleteMailbox(userID: alice.id, name: "Trash"))
        #expect(try await store.expunged(mailboxID: trash.id, sinceModSeq: 0).uids.isEmpty)
    }

    /// RFC 7162 §3.2.5.2: a server that no longer knows every expunge since
    /// a mod-sequence must say so; pruning raises the floor past what it forgot.
    @Test func oldExpungeRecordsArePrunedAndTheFloorRises() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteMailStore(directory: dir.path)
        let alice = try await store.createUser(address: "alice", passwordHash: "h", isAdmin: false)
        for number in 1...6 { _ = try await store.deliver(batch("Q\(number)", userID: alice.id, limit: 0)) }
        let inbox = try #require(try await store.mailboxes(userID: alice.id).first)
        for uid in 1...4 { #expect(try await store.expunge(mailboxID: inbox.id, uids: [Int64(uid)]) == 1) }
        let start = inbox.highestModSeq
        try await store.pool.write { db in try SQLiteMailStore.prune(db, mailboxID: inbox.id, keeping: 2) }
        #expect(try await store.expunged(mailboxID: inbox.id, sinceModSeq: start) == IMAPExpungedUIDs(uids: [3, 4], complete: false))
        #expect(try await store.expunged(mailboxID: inbox.id, sinceModSeq: start + 2) == IMAPExpungedUIDs(uids: [3, 4], complete: true))
        #expect(try await store.expunged(mailboxID: inbox.id, sinceModSeq: start + 3) == IMAPExpungedUIDs(uids: [4], complete: true))
        // A selected mailbox's view from before the floor gets the UIDs still there.
        let before = try #require(try await store.mailboxChanges(mailboxID: inbox.id, sinceModSeq: start))
        #expect(before.presentUIDs == [5, 6])
        #expect(before.expunged.map(\.uid) == [3, 4])
        #expect(before.since(start + 2).presentUIDs == nil)
        #expect(try await store.mailboxChanges(mailboxID: inbox.id, sinceModSeq: start + 2)?.presentUIDs == nil)
        #expect(try await store.highestModSeqs(mailboxIDs: [inbox.id, 999]) == [inbox.id: start + 4])
    }
}
