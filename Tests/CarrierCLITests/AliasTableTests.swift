import CarrierConfig
import CarrierStore
import CarrierTesting
import Foundation
import Testing
@testable import carrier

@Suite struct AliasTableTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory("cli-aliases")
    }

    func file(_ name: String, _ text: String) throws -> String {
        let path = "\(directory.path)/\(name)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func keepsTheFirstOfDuplicatesAcrossFilesAndWarnsAboutTheRest() throws {
        defer { directory.remove() }
        let first = try file("aliases", """
            postmaster: alice
            root: alice, bob@example.org
            postmaster: bob

            """)
        let second = try file("more", "Root: carol\nabuse: alice\n")
        let table = try AliasTable(
            tables: [LookupTableReference(type: "hash", path: first), LookupTableReference(type: "texthash", path: second)],
            location: nil)
        #expect(table.aliases == [
            AliasRecord(name: "postmaster", targets: ["alice"]),
            AliasRecord(name: "root", targets: ["alice", "bob@example.org"]),
            AliasRecord(name: "abuse", targets: ["alice"]),
        ])
        #expect(table.warnings == [
            "\(first):3: duplicate alias \"postmaster\"",
            "\(second):1: duplicate alias \"root\"",
        ])
    }

    @Test func storesIncludeCommandAndFileTargetsInTheirWrittenForm() throws {
        defer { directory.remove() }
        let path = try file("aliases", """
            support: "|/usr/bin/ticket --queue support", /var/log/support.mbox,
                :include:/etc/carrier/team
            """)
        let table = try AliasTable(tables: [LookupTableReference(type: "lmdb", path: path)], location: nil)
        #expect(table.aliases == [
            AliasRecord(name: "support", targets: [
                "|/usr/bin/ticket --queue support", "/var/log/support.mbox", ":include:/etc/carrier/team",
            ]),
        ])
    }

    @Test func missingFileIsEmptyWithAWarning() throws {
        defer { directory.remove() }
        let path = "\(directory.path)/absent"
        let table = try AliasTable(tables: [LookupTableReference(type: "hash", path: path)], location: nil)
        #expect(table.aliases.isEmpty)
        #expect(table.warnings == ["\(path): no such file; taking its aliases as empty"])
    }

    @Test func unsupportedTypeIsAConfigurationErrorAtTheAliasMapsLine() {
        defer { directory.remove() }
        let location = ConfigLocation(file: "carrier.cf", line: 4)
        #expect(throws: CommandFailure(
            message: "fatal: carrier.cf:4: alias_maps: unsupported table type in ldap:/etc/ldap.cf: "
                + "newaliases reads hash:, lmdb: and texthash: files",
            status: ExitStatus.configuration)) {
            try AliasTable(tables: [LookupTableReference(type: "ldap", path: "/etc/ldap.cf")], location: location)
        }
    }

    @Test func malformedFileIsADataErrorWithFileAndLine() throws {
        defer { directory.remove() }
        let path = try file("aliases", "root: alice\nbroken line\n")
        #expect(throws: CommandFailure(
            message: "fatal: \(path):2: expected \"name: target, ...\", found \"broken line\"",
            status: ExitStatus.dataError)) {
            try AliasTable(tables: [LookupTableReference(type: "hash", path: path)], location: nil)
        }
    }
}
