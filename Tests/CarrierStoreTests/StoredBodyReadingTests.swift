import CarrierTesting
import Foundation
import GRDB
import MailCore
import Testing
@testable import CarrierStore

/// What FETCH reads of stored bodies: the MIME skeleton written with each
/// body (and made later for bodies stored before skeletons existed), and
/// ranges of octets read alone, from the database or at a file's offset.
@Suite struct StoredBodyReadingTests {
    /// A store with user alice, removed with `directory`.
    struct Fixture {
        let directory: TemporaryDirectory
        let store: SQLiteMailStore
        let alice: UserRecord

        init() async throws {
            directory = try TemporaryDirectory("bodies")
            store = try SQLiteMailStore(directory: directory.path)
            alice = try await store.createUser(address: "alice", passwordHash: "h", isAdmin: false)
        }

        /// Delivers `content` to alice's INBOX; returns its body hash.
        @discardableResult
        func deliver(_ content: [UInt8], queueID: String = "Q\(UInt32.random(in: 0...UInt32.max))") async throws -> String {
            _ = try await store.deliver(DeliveryBatch(queueID: queueID, sender: "a@example.test", content: content, metadata: MessageMetadata(),
                                                      arrival: 1_700_000_000, localCopies: [.init(userID: alice.id, recipient: "alice")]))
            return SQLiteMailStore.contentHash(content)
        }

        func storedSkeleton(_ hash: String) async throws -> [UInt8]? {
            try await store.pool.read { db in try Data.fetchOne(db, sql: "SELECT skeleton FROM bodies WHERE hash = ?", arguments: [hash]) }
                .map(Array.init)
        }

        func setSkeleton(_ hash: String, to value: [UInt8]?) async throws {
            try await store.pool.write { db in
                try db.execute(sql: "UPDATE bodies SET skeleton = ? WHERE hash = ?", arguments: [value.map { Data($0) }, hash])
            }
        }

        /// A message of `size` octets or a little more, every line different.
        static func large(_ size: Int) -> [UInt8] { MIMECorpus.large(size) }
    }

    @Test func deliveryAndAppendStoreTheSkeleton() async throws {
        let fixture = try await Fixture()
        defer { fixture.directory.remove() }
        let delivered = try await fixture.deliver(MIMECorpus.nestedMixedAlternative)
        let inbox = try #require(try await fixture.store.mailboxes(userID: fixture.alice.id).first)
        _ = try await fixture.store.append(mailboxID: inbox.id, messages: [
            IMAPAppendRequest(content: MIMECorpus.forwarded, metadata: MessageMetadata(), flags: [], internalDate: 1_700_000_000),
        ])
        for (hash, content) in [(delivered, MIMECorpus.nestedMixedAlternative), (SQLiteMailStore.contentHash(MIMECorpus.forwarded), MIMECorpus.forwarded)] {
            let expected = MIMESkeleton(MIMEPart.parse(content))
            #expect(try await fixture.storedSkeleton(hash) == expected.encoded())
            #expect(try await fixture.store.mimeSkeletons(hashes: [hash]) == [hash: expected])
        }
    }

    /// Bodies stored before the v6 migration have no skeleton: it is made
    /// from the body on first use and written back; a redelivery of the
    /// same body fills it in too.
    @Test func bodiesWithoutASkeletonGetOne() async throws {
        let fixture = try await Fixture()
        defer { fixture.directory.remove() }
        let hash = try await fixture.deliver(MIMECorpus.forwarded)
        try await fixture.setSkeleton(hash, to: nil)
        let expected = MIMESkeleton(MIMEPart.parse(MIMECorpus.forwarded))
        #expect(try await fixture.store.mimeSkeletons(hashes: [hash, hash]) == [hash: expected])
        #expect(try await fixture.storedSkeleton(hash) == expected.encoded())

        try await fixture.setSkeleton(hash, to: nil)
        try await fixture.deliver(MIMECorpus.forwarded)
        #expect(try await fixture.storedSkeleton(hash) == expected.encoded())
    }

    /// A stored form that does not decode, or describes a body of another
    /// size, is not trusted: the body is parsed again and the form replaced.
    @Test func corruptSkeletonsAreReplaced() async throws {
        let fixture = try await Fixture()
        defer { fixture.directory.remove() }
        let hash = try await fixture.deliver(MIMECorpus.base64Attachments)
        let expected = MIMESkeleton(MIMEPart.parse(MIMECorpus.base64Attachments))
        let corrupts: [[UInt8]] = [[1, 0xFF, 0xFF], [9] + expected.encoded().dropFirst(), MIMESkeleton(MIMEPart.parse(MIMECorpus.plain)).encoded()]
        for corrupt in corrupts {
            try await fixture.setSkeleton(hash, to: corrupt)
            #expect(try await fixture.store.mimeSkeletons(hashes: [hash]) == [hash: expected])
            #expect(try await fixture.storedSkeleton(hash) == expected.encoded())
        }
        #expect(try await fixture.store.mimeSkeletons(hashes: ["no-such-body"]).isEmpty)
    }

    @Test func rangesOfBodiesInTheDatabaseAndInFiles() async throws {
        let fixture = try await Fixture()
        defer { fixture.directory.remove() }
        let small = MIMECorpus.plain
        let large = Fixture.large(3 << 20)
        let smallHash = try await fixture.deliver(small)
        let largeHash = try await fixture.deliver(large)
        #expect(FileManager.default.fileExists(atPath: fixture.store.bodyFiles.path(for: largeHash)))
        let wanted = [
            BodyRange(hash: smallHash, range: 0..<10), BodyRange(hash: smallHash, range: 100..<small.count + 50),
            BodyRange(hash: smallHash, range: 5..<5), BodyRange(hash: largeHash, range: 2_000_000..<2_000_100),
            BodyRange(hash: largeHash, range: large.count - 10..<large.count + 10), BodyRange(hash: "missing", range: 0..<1),
        ]
        let octets = try await fixture.store.bodyOctets(wanted)
        #expect(octets[0] == Array(small[0..<10]))
        #expect(octets[1] == Array(small[100...]))
        #expect(octets[2] == [])
        #expect(octets[3] == Array(large[2_000_000..<2_000_100]))
        #expect(octets[4] == Array(large[(large.count - 10)...]))
        #expect(octets[5] == nil)
    }

    /// A range of a body file is read at its offset: a file far larger than
    /// memory (sparse) answers at once for a range near its end.
    @Test func aRangeOfAFileIsReadAlone() async throws {
        let fixture = try await Fixture()
        defer { fixture.directory.remove() }
        let hash = try await fixture.deliver(Fixture.large(1 << 20))
        let path = fixture.store.bodyFiles.path(for: hash)
        #expect(truncate(path, 16 << 30) == 0)
        let far = (16 << 30) - 1_000
        #expect(try await fixture.store.bodyOctets([BodyRange(hash: hash, range: far..<(far + 1_000))]) == [[UInt8](repeating: 0, count: 1_000)])
    }

    /// An opened body stays readable when collection removes its file.
    @Test func anOpenedBodyOutlivesItsFile() async throws {
        let fixture = try await Fixture()
        defer { fixture.directory.remove() }
        let large = Fixture.large(1 << 20)
        let hash = try await fixture.deliver(large)
        let reader = try #require(try await fixture.store.openBody(hash: hash))
        #expect(unlink(fixture.store.bodyFiles.path(for: hash)) == 0)
        #expect(try await reader.read(500_000..<500_064) == Array(large[500_000..<500_064]))
        #expect(try await fixture.store.openBody(hash: hash) == nil)
        let small = try await fixture.deliver(MIMECorpus.plain)
        #expect(try await fixture.store.openBody(hash: small)?.read(0..<5) == Array(MIMECorpus.plain[0..<5]))
        #expect(try await fixture.store.openBody(hash: "missing") == nil)
    }
}
