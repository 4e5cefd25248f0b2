import Foundation
import IMAPProtocol
@testable import MailboxAccess
import Testing

/// The shared ENVELOPE / BODYSTRUCTURE cache: bounded, and FETCH answers
/// the same from it as from the parsed message.
@Suite struct IMAPStructureCacheTests {
    @Test func keepsRecentEntriesWithinItsCapacity() {
        let cache = IMAPStructureCache(capacity: 4)
        let structure = IMAPBodyStructure.single(IMAPSinglePartBody(type: "text", subtype: "plain", octets: 1, kind: .text(lines: 1)))
        for hash in ["a", "b", "c"] { cache.remember(.init(structure: structure), hash: hash, utf8: false) }
        #expect(cache.entry(hash: "a", utf8: false)?.structure == structure)
        #expect(cache.entry(hash: "a", utf8: true) == nil)
        for hash in ["d", "e"] { cache.remember(.init(structure: structure), hash: hash, utf8: false) }
        #expect(cache.entry(hash: "b", utf8: false) == nil)
        #expect(cache.entry(hash: "a", utf8: false) != nil)
        #expect(cache.entry(hash: "e", utf8: false) != nil)
    }

    @Test func fetchAnswersTheSameFromTheCache() async throws {
        let server = try await IMAPTestServer()
        try await server.deliver(subject: "cached")
        let client = await server.selectedClient()
        let first = await client.command("f1 FETCH 1 (ENVELOPE BODYSTRUCTURE)")
        #expect(first.contains("ENVELOPE (\"Mon, 7 Feb 1994 21:52:25 -0800\" \"cached\""))
        #expect(server.services.structures.entry(hash: try await server.store.messages(mailboxID: 1)[0].bodyHash, utf8: false) != nil)
        #expect(await client.command("f2 FETCH 1 (ENVELOPE BODYSTRUCTURE)") == first.replacingOccurrences(of: "f1 ", with: "f2 "))
    }
}
