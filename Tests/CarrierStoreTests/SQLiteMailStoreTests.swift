import CarrierTesting
import Foundation
import Testing
@testable import CarrierStore

@Suite struct SQLiteMailStoreTests {
    func batch(_ queueID: String, to copies: [DeliveryBatch.LocalCopy], content: String = "Subject: t\r\n\r\nhello\r\n",
               queued: [DeliveryBatch.QueuedRecipient] = []) -> DeliveryBatch {
        DeliveryBatch(queueID: queueID, sender: "a@example.test", content: Array(content.utf8),
                      metadata: MessageMetadata(subject: "t"), arrival: 1_700_000_000, localCopies: copies, queued: queued)
    }

    @Test func usersHaveInboxAndUniqueAddresses() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteMailStore(directory: dir.path)
        let alice = try await store.createUser(address: "alice", passwordHash: "h", isAdmin: true)
        await #expect(throws: MailStoreError.userExists("alice")) {
            _ = try await store.createUser(address: "alice", passwordHash: "h", isAdmin: false)
        }
        #expect(try await store.mailboxes(userID: alice.id).map(\.name) == ["INBOX"])
        #expect(try await store.user(address: "alice")?.isAdmin == true)
        #expect(try await store.updatePassword(address: "alice", passwordHash: "h2"))
        #expect(try await store.user(address: "alice")?.passwordHash == "h2")
        #expect(try await store.deleteUser(address: "alice"))
        #expect(try await store.user(address: "alice") == nil)
    }

    @Test func deliveryAssignsUIDsAndSharesBodies() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteMailStore(directory: dir.path)
        let a = try await store.createUser(address: "alice", passwordHash: "h", isAdmin: false)
        let b = try await store.createUser(address: "bob", passwordHash: "h", isAdmin: false)
        let out = try await store.deliver(batch("Q1", to: [.init(userID: a.id, recipient: "alice@x"), .init(userID: b.id, recipient: "bob@x")]))
        #expect(out == [.stored(uid: 1), .stored(uid: 1)])
        let out2 = try await store.deliver(batch("Q2", to: [.init(userID: a.id, recipient: "alice@x")]))
        #expect(out2 == [.stored(uid: 2)])
        let messages = try await store.messages(userID: a.id, mailbox: "INBOX")
        #expect(messages.map(\.uid) == [1, 2])
        #expect(messages[0].bodyHash == messages[1].bodyHash)
        #expect(try await store.content(hash: messages[0].bodyHash) == Array("Subject: t\r\n\r\nhello\r\n".utf8))
        #expect(try await store.metadata(hash: messages[0].bodyHash)?.subject == "t")
    }

    /// ARCHITECTURE.md: delivery is idempotent per (queue id, recipient).
    @Test func redeliverySameQueueIDIsIgnored() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteMailStore(directory: dir.path)
        let a = try await store.createUser(address: "alice", passwordHash: "h", isAdmin: false)
        _ = try await store.deliver(batch("Q1", to: [.init(userID: a.id, recipient: "alice@x")]))
        let again = try await store.deliver(batch("Q1", to: [.init(userID: a.id, recipient: "ALICE@x")]))
        #expect(again == [.alreadyDelivered])
        #expect(try await store.messages(userID: a.id, mailbox: "INBOX").count == 1)
    }

    @Test func largeBodiesGoToFilesAndSurviveReopen() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let big = "Subject: big\r\n\r\n" + String(repeating: "0123456789abcdef\r\n", count: 20_000)
        do {
            let store = try SQLiteMailStore(directory: dir.path)
            let a = try await store.createUser(address: "alice", passwordHash: "h", isAdmin: false)
            _ = try await store.deliver(batch("Q1", to: [.init(userID: a.id, recipient: "alice@x")], content: big))
        }
        let reopened = try SQLiteMailStore(directory: dir.path)
        let a = try #require(try await reopened.user(address: "alice"))
        let m = try await reopened.messages(userID: a.id, mailbox: "INBOX")
        #expect(m.count == 1)
        #expect(try await reopened.content(hash: m[0].bodyHash) == Array(big.utf8))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/bodies/" + m[0].bodyHash.prefix(2) + "/" + m[0].bodyHash))
        #expect(try await reopened.integrityCheck() == "ok")
    }

    @Test func concurrentDeliveriesGroupCommitWithDistinctUIDs() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteMailStore(directory: dir.path)
        let a = try await store.createUser(address: "alice", passwordHash: "h", isAdmin: false)
        try await withThrowingTaskGroup(of: [LocalCopyOutcome].self) { group in
            for i in 0..<200 {
                group.addTask {
                    try await store.deliver(self.batch("Q\(i)", to: [.init(userID: a.id, recipient: "alice@x")], content: "m\(i)\r\n"))
                }
            }
            for try await _ in group {}
        }
        let uids = try await store.messages(userID: a.id, mailbox: "INBOX").map(\.uid)
        #expect(uids == Array(1...200))
    }

    @Test func failingRequestDoesNotSinkItsBatch() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteMailStore(directory: dir.path)
        let a = try await store.createUser(address: "alice", passwordHash: "h", isAdmin: false)
        let good = Task { try await store.deliver(batch("Q1", to: [.init(userID: a.id, recipient: "alice@x")])) }
        let bad = Task { try await store.deliver(batch("Q2", to: [.init(userID: 9999, recipient: "ghost@x")])) }
        #expect(try await good.value == [.stored(uid: 1)])
        await #expect(throws: MailStoreError.self) { _ = try await bad.value }
    }

    @Test func aliasesAndQueueEntries() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteMailStore(directory: dir.path)
        try await store.replaceAliases([AliasRecord(name: "team", targets: ["alice", "bob"])])
        #expect(try await store.alias(name: "team")?.targets == ["alice", "bob"])
        #expect(try await store.alias(name: "none") == nil)
        _ = try await store.deliver(batch("Q9", to: [], queued: [.init(address: "x@remote.test")]))
        #expect(try await store.queuedRecipientCount() == 1)
    }
}

@Suite struct DirectoryVersionTests {
    /// Any change to users or aliases, from any connection, moves the version.
    @Test func versionMovesOnEveryDirectoryChange() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteMailStore(directory: dir.path)
        var last = try await store.directoryVersion()
        func expectMoved() async throws {
            let now = try await store.directoryVersion()
            #expect(now > last)
            last = now
        }
        _ = try await store.createUser(address: "alice", passwordHash: "h", isAdmin: true)
        try await expectMoved()
        _ = try await store.updatePassword(address: "alice", passwordHash: "h2")
        try await expectMoved()
        try await store.replaceAliases([AliasRecord(name: "team", targets: ["alice"])])
        try await expectMoved()
        _ = try await store.deleteUser(address: "alice")
        try await expectMoved()
        let snapshot = try await store.loadDirectory()
        #expect(snapshot.version == last)
        #expect(snapshot.user(address: "alice") == nil)
        #expect(snapshot.alias(name: "TEAM")?.targets == ["alice"])
    }
}

@Suite struct FlagsAndExpungeTests {
    @Test func flagsBumpModSeqAndExpungeRemoves() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteMailStore(directory: dir.path)
        let a = try await store.createUser(address: "alice", passwordHash: "h", isAdmin: false)
        for i in 1...3 {
            _ = try await store.deliver(DeliveryBatch(queueID: "Q\(i)", sender: "s@x", content: Array("m\(i)\r\n".utf8),
                                                      metadata: MessageMetadata(), arrival: 1, localCopies: [.init(userID: a.id, recipient: "alice@x")]))
        }
        let before = try await store.messages(userID: a.id, mailbox: "INBOX")
        #expect(try await store.setFlags(mailboxID: before[1].mailboxID, uid: 2, flags: ["\\Seen", "\\Deleted"]))
        #expect(try await store.setFlags(mailboxID: before[1].mailboxID, uid: 99, flags: ["\\Seen"]) == false)
        let flagged = try await store.messages(userID: a.id, mailbox: "INBOX")
        #expect(flagged[1].flags == ["\\Seen", "\\Deleted"])
        #expect(flagged[1].modSeq > before[2].modSeq)
        #expect(try await store.expunge(mailboxID: before[0].mailboxID, uids: [2, 7]) == 1)
        #expect(try await store.messages(userID: a.id, mailbox: "INBOX").map(\.uid) == [1, 3])
    }
}
