import CarrierStore
import CarrierTesting
import Foundation
import Testing
@testable import carrier

@Suite struct PostmapTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory("cli-postmap")
    }

    func source(_ text: String, mode: Int = 0o644) throws -> String {
        let path = "\(directory.path)/table"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    func mode(of path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1
    }

    @Test(arguments: [("table", "table"), ("hash:/etc/x", "/etc/x"), ("lmdb:t", "t"), ("./a:b", "./a:b")])
    func sourcePathOfArgument(argument: String, path: String) throws {
        defer { directory.remove() }
        #expect(try PostmapCommand.sourcePath(of: argument) == path)
    }

    @Test func otherTableTypesAreUsageErrors() {
        defer { directory.remove() }
        #expect(throws: CommandFailure.self) { try PostmapCommand.sourcePath(of: "cdb:/etc/x") }
    }

    @Test func buildsATableThatLooksUpKeysCaseInsensitively() async throws {
        defer { directory.remove() }
        let path = try source("""
            # relay credentials
            [smtp.relay.test]:587   user@relay.test:secret
            Mail.Example.ORG        other:pw
                continued
            mail.example.org        dup:ignored

            """)
        try PostmapCommand.build(source: path)
        #expect(try await PostmapCommand.lookUp("[SMTP.relay.test]:587", source: path) == "user@relay.test:secret")
        #expect(try await PostmapCommand.lookUp("mail.example.org", source: path) == "other:pw continued")
        #expect(try await PostmapCommand.lookUp("absent", source: path) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["table", "table.db"])
    }

    @Test func rebuildingReplacesTheTable() async throws {
        defer { directory.remove() }
        let path = try source("a 1\n")
        try PostmapCommand.build(source: path)
        let old = try IndexedLookupTable(path: IndexedLookupTable.path(forSource: path))
        _ = try source("b 2\n")
        try PostmapCommand.build(source: path)
        #expect(try await PostmapCommand.lookUp("a", source: path) == nil)
        #expect(try await PostmapCommand.lookUp("b", source: path) == "2")
        #expect(try await old.value(forKey: "a") == "1")
    }

    @Test(arguments: [(0o600, 0o600), (0o640, 0o640), (0o664, 0o644), (0o666, 0o644)])
    func indexedFileIsNoMoreReadableThanItsSource(sourceMode: Int, expected: Int) throws {
        defer { directory.remove() }
        let path = try source("k v\n", mode: sourceMode)
        try PostmapCommand.build(source: path)
        #expect(try mode(of: path + ".db") == expected)
    }

    @Test func malformedSourceIsADataErrorAndBuildsNothing() throws {
        defer { directory.remove() }
        let path = try source("good value\nonlykey\n")
        #expect(throws: CommandFailure(
            message: "fatal: \(path):2: expected \"key whitespace value\", found \"onlykey\"", status: ExitStatus.dataError)) {
            try PostmapCommand.build(source: path)
        }
        #expect(!FileManager.default.fileExists(atPath: path + ".db"))
    }

    @Test func queryingAnUnbuiltTableIsAnInputError() async throws {
        defer { directory.remove() }
        await #expect(throws: CommandFailure.self) {
            _ = try await PostmapCommand.lookUp("k", source: "\(directory.path)/never-built")
        }
    }
}
