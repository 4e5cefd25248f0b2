import CarrierStore
import CarrierTesting
import Testing
@testable import Ingress

@Suite struct DirectoryCacheTests {
    @Test func refreshPicksUpNewUsersOnlyWhenTheVersionMoved() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteMailStore(directory: dir.path)
        let cache = DirectoryCache(store: store, maximumAge: .seconds(3600))
        #expect(cache.snapshot.user(address: "alice") == nil)
        _ = try await store.createUser(address: "alice", passwordHash: "h", isAdmin: false)
        #expect(cache.snapshot.user(address: "alice") == nil)
        let fresh = try await cache.refreshIfChanged()
        #expect(fresh.user(address: "alice") != nil)
        #expect(cache.snapshot.user(address: "alice") != nil)
        let again = try await cache.refreshIfChanged()
        #expect(again.version == fresh.version)
    }
}
