import CarrierTesting
import Foundation
import Testing
@testable import CarrierStore

/// Bodies nobody names any more are removed with their files; bodies still
/// named by a message or a queue entry, and bodies being written, are not.
@Suite struct BodyCollectionTests {
    static let large = Array(("Subject: big\r\n\r\n" + String(repeating: "0123456789abcdef\r\n", count: 10_000)).utf8)
    static let small = Array("Subject: small\r\n\r\nhello\r\n".utf8)

    struct Fixture {
        let directory: TemporaryDirectory
        let store: SQLiteMailStore
        let userID: Int64
        let inboxID: Int64

        init() async throws {
            directory = try TemporaryDirectory()
            store = try SQLiteMailStore(directory: directory.path)
            userID = try await store.createUser(address: "alice", passwordHash: "h", isAdmin: false).id
            _ = try await store.deliver(DeliveryBatch(queueID: "Q0", sender: "", content: Self.message("first"),
                                                      metadata: MessageMetadata(), arrival: 1, localCopies: [.init(userID: userID, recipient: "alice")]))
            inboxID = try #require(try await store.mailboxes(userID: userID).first).id
        }

        static func message(_ text: String) -> [UInt8] { Array("Subject: \(text)\r\n\r\n\(text)\r\n".utf8) }

        @discardableResult
        func deliver(_ content: [UInt8], queueID: String, queued: [DeliveryBatch.QueuedRecipient] = []) async throws -> Int64? {
            let outcomes = try await store.deliver(DeliveryBatch(queueID: queueID, sender: "", content: content, metadata: MessageMetadata(),
                                                                 arrival: 2, localCopies: queued.isEmpty ? [.init(userID: userID, recipient: "alice")] : [],
                                                                 queued: queued))
            if case .stored(let uid) = outcomes.first { return uid }
            return nil
        }

        func fileExists(_ content: [UInt8]) -> Bool {
            FileManager.default.fileExists(atPath: store.bodyFiles.path(for: SQLiteMailStore.contentHash(content)))
        }
    }

    @Test func expungedBodiesAndTheirFilesAreRemoved() async throws {
        let f = try await Fixture()
        defer { f.directory.remove() }
        let big = try #require(try await f.deliver(Self.large, queueID: "Q1"))
        let little = try #require(try await f.deliver(Self.small, queueID: "Q2"))
        #expect(f.fileExists(Self.large))
        #expect(try await f.store.collectUnreferencedBodies() == CollectedBodies())
        #expect(try await f.store.expunge(mailboxID: f.inboxID, uids: [big, little]) == 2)
        let collected = try await f.store.collectUnreferencedBodies()
        #expect(collected == CollectedBodies(bodies: 2, bytes: Int64(Self.large.count + Self.small.count)))
        #expect(!f.fileExists(Self.large))
        #expect(try await f.store.content(hash: SQLiteMailStore.contentHash(Self.small)) == nil)
        #expect(try await f.store.content(hash: SQLiteMailStore.contentHash(Fixture.message("first"))) == Fixture.message("first"))
        // The same message delivered again is stored again in full.
        try await f.deliver(Self.large, queueID: "Q3")
        #expect(try await f.store.content(hash: SQLiteMailStore.contentHash(Self.large)) == Self.large)
    }

    @Test func bodiesStillNamedElsewhereStay() async throws {
        let f = try await Fixture()
        defer { f.directory.remove() }
        let uid = try #require(try await f.deliver(Self.large, queueID: "Q1"))
        let archive = try await f.store.createMailbox(userID: f.userID, name: "Archive")
        _ = try await f.store.copyMessages(mailboxID: f.inboxID, uids: [uid], to: archive.id, move: true)
        try await f.deliver(Self.small, queueID: "Q2", queued: [.init(address: "bob@remote.test")])
        #expect(try await f.store.collectUnreferencedBodies() == CollectedBodies())
        #expect(try await f.store.content(hash: SQLiteMailStore.contentHash(Self.large)) == Self.large)
        try await f.store.completeQueueRecipient(queueID: "Q2", recipient: "bob@remote.test")
        #expect(try await f.store.collectUnreferencedBodies().bodies == 1)
    }

    /// A delivery that found the file already there must not lose it to a
    /// collection that runs between its file check and its commit.
    @Test func aBodyBeingWrittenKeepsItsFile() async throws {
        let f = try await Fixture()
        defer { f.directory.remove() }
        let uid = try #require(try await f.deliver(Self.large, queueID: "Q1"))
        _ = try await f.store.expunge(mailboxID: f.inboxID, uids: [uid])
        let hash = SQLiteMailStore.contentHash(Self.large)
        f.store.bodyWrites.enter([hash])
        #expect(try await f.store.collectUnreferencedBodies().bodies == 1)
        #expect(f.fileExists(Self.large))
        f.store.bodyWrites.leave([hash])
        try await f.deliver(Self.large, queueID: "Q2")
        #expect(try await f.store.content(hash: hash) == Self.large)
    }

    @Test func filesNoRowNamesAreRemoved() async throws {
        let f = try await Fixture()
        defer { f.directory.remove() }
        try await f.deliver(Self.large, queueID: "Q1")
        let orphan = String(repeating: "ab", count: 32)
        let orphanPath = f.store.bodyFiles.path(for: orphan)
        try f.store.bodyFiles.write(Array(repeating: 7, count: 1000), hash: orphan)
        let temporary = (orphanPath as NSString).deletingLastPathComponent + "/.tmp-\(orphan)-1"
        #expect(FileManager.default.createFile(atPath: temporary, contents: Data([1, 2, 3])))
        let writing = String(repeating: "cd", count: 32)
        try f.store.bodyFiles.write([1], hash: writing)
        f.store.bodyWrites.enter([writing])
        #expect(try await f.store.collectOrphanBodyFiles(olderThan: 0) == CollectedBodies(bodies: 2, bytes: 1003))
        #expect(!FileManager.default.fileExists(atPath: orphanPath))
        #expect(!FileManager.default.fileExists(atPath: temporary))
        #expect(FileManager.default.fileExists(atPath: f.store.bodyFiles.path(for: writing)))
        #expect(f.fileExists(Self.large))
    }
}
