import CarrierConfig
import Foundation
import Testing

@Suite struct ConfigLoaderTests {
    /// A working directory with `carrier.cf`, an environment file, an explicit file and a system file.
    struct Layout {
        let directory: String
        var local: String { directory + "/carrier.cf" }
        var fromEnvironment: String { directory + "/env.cf" }
        var explicit: String { directory + "/explicit.cf" }
        var system: String { directory + "/etc-main.cf" }

        init(files: [KeyPath<Layout, String>]) throws {
            directory = try Fixture.temporaryDirectory()
            for file in files { try Fixture.write("mail_name = X\n", to: self[keyPath: file]) }
        }

        func locate(explicitPath: String? = nil, environment: [String: String] = [:]) throws -> String? {
            try ConfigLoader.locate(
                explicitPath: explicitPath, environment: environment, currentDirectory: directory, systemPath: system)
        }

        func remove() { try? FileManager.default.removeItem(atPath: directory) }
    }

    @Test func explicitPathWinsOverEverything() throws {
        let layout = try Layout(files: [\.local, \.fromEnvironment, \.explicit, \.system])
        defer { layout.remove() }
        let found = try layout.locate(explicitPath: layout.explicit, environment: ["CARRIER_CONFIG": layout.fromEnvironment])
        #expect(found == layout.explicit)
    }

    @Test func environmentWinsOverLocalAndSystemFiles() throws {
        let layout = try Layout(files: [\.local, \.fromEnvironment, \.system])
        defer { layout.remove() }
        #expect(try layout.locate(environment: ["CARRIER_CONFIG": layout.fromEnvironment]) == layout.fromEnvironment)
    }

    @Test func localFileWinsOverSystemFile() throws {
        let layout = try Layout(files: [\.local, \.system])
        defer { layout.remove() }
        #expect(try layout.locate(environment: ["CARRIER_CONFIG": ""]) == layout.local)
    }

    @Test func systemFileIsTheLastChoice() throws {
        let layout = try Layout(files: [\.system])
        defer { layout.remove() }
        #expect(try layout.locate() == layout.system)
    }

    @Test func noFileMeansEmbeddedDefaults() throws {
        let layout = try Layout(files: [])
        defer { layout.remove() }
        #expect(try layout.locate() == nil)
        let configuration = try ConfigLoader.load(path: nil, table: Fixture.table)
        #expect(configuration.entries.isEmpty)
        #expect(try configuration.expandedValue("myhostname") == "mail.example.com")
    }

    @Test func relativeExplicitPathIsTakenFromTheCurrentDirectory() throws {
        let layout = try Layout(files: [\.explicit])
        defer { layout.remove() }
        #expect(try layout.locate(explicitPath: "explicit.cf") == layout.explicit)
    }

    @Test func missingExplicitFileIsAnError() throws {
        let layout = try Layout(files: [\.local])
        defer { layout.remove() }
        #expect(Fixture.errorText { _ = try layout.locate(explicitPath: "/nonexistent/carrier.cf") }
            == "configuration file /nonexistent/carrier.cf (from --config) does not exist")
        #expect(Fixture.errorText { _ = try layout.locate(environment: ["CARRIER_CONFIG": "/nonexistent/env.cf"]) }
            == "configuration file /nonexistent/env.cf (from $CARRIER_CONFIG) does not exist")
    }

    @Test func loadsAFileWithItsPathInLocations() throws {
        let layout = try Layout(files: [])
        defer { layout.remove() }
        try Fixture.write("# main\nmyhostname = mx.example.net\nbogus_key = 1\n", to: layout.local)
        let configuration = try ConfigLoader.load(path: layout.local, table: Fixture.table)
        #expect(configuration.entry(for: "myhostname")?.location == ConfigLocation(file: layout.local, line: 2))
        #expect(configuration.warnings.map(\.description) == ["\(layout.local):3: warning: unused parameter: bogus_key=1"])
    }

    @Test func loadReportsBadValuesWithTheFilePath() throws {
        let layout = try Layout(files: [])
        defer { layout.remove() }
        try Fixture.write("message_size_limit = 10MB\n", to: layout.local)
        #expect(Fixture.errorText { _ = try ConfigLoader.load(path: layout.local, table: Fixture.table) }
            == "\(layout.local):1: message_size_limit: invalid value \"10MB\": expected a number of bytes")
    }

    @Test func unreadableFileNamesThePathAndTheReason() throws {
        let layout = try Layout(files: [])
        defer { layout.remove() }
        #expect(Fixture.errorText { _ = try ConfigLoader.load(path: layout.directory + "/missing.cf") }
            == "cannot read \(layout.directory)/missing.cf: No such file or directory")
        #expect(Fixture.errorText { _ = try ConfigLoader.load(path: layout.directory) }
            == "cannot read \(layout.directory): Is a directory")
    }
}
