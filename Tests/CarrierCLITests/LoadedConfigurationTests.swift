import CarrierConfig
import CarrierTesting
import Foundation
import Testing
@testable import carrier

@Suite struct LoadedConfigurationTests {
    let directory: TemporaryDirectory
    let absentSystemPath: String

    init() throws {
        directory = try TemporaryDirectory("cli-config")
        absentSystemPath = directory.path + "/no-main.cf"
    }

    func write(_ text: String, to name: String) throws -> String {
        let path = "\(directory.path)/\(name)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func load(explicitPath: String? = nil, environment: [String: String] = [:]) throws -> LoadedConfiguration {
        try LoadedConfiguration(
            explicitPath: explicitPath, environment: environment, currentDirectory: directory.path,
            systemPath: absentSystemPath)
    }

    @Test func explicitPathWinsOverEnvironmentAndLocalFile() throws {
        defer { directory.remove() }
        let named = try write("data_directory = /srv/named\n", to: "named.cf")
        let fromEnvironment = try write("data_directory = /srv/env\n", to: "env.cf")
        _ = try write("data_directory = /srv/local\n", to: "carrier.cf")
        let loaded = try load(explicitPath: named, environment: ["CARRIER_CONFIG": fromEnvironment])
        #expect(loaded.path == named)
        #expect(loaded.settings.dataDirectory == "/srv/named")
        #expect(try load(environment: ["CARRIER_CONFIG": fromEnvironment]).settings.dataDirectory == "/srv/env")
        #expect(try load().settings.dataDirectory == "/srv/local")
    }

    @Test func noFileMeansBuiltInDefaults() throws {
        defer { directory.remove() }
        let loaded = try load()
        #expect(loaded.path == nil)
        #expect(loaded.sourceName == "built-in defaults")
        #expect(loaded.settings.dataDirectory == "./carrier-data")
    }

    @Test func badValueIsAConfigErrorWithFileAndLine() throws {
        defer { directory.remove() }
        let path = try write("myhostname = mx.example.com\nmessage_size_limit = 10MB\n", to: "carrier.cf")
        #expect(throws: ConfigError(
            location: ConfigLocation(file: path, line: 2),
            message: "message_size_limit: invalid value \"10MB\": expected a number of bytes")) {
            try load()
        }
    }

    @Test func missingExplicitFileIsAnError() throws {
        defer { directory.remove() }
        #expect(throws: ConfigError.self) { try load(explicitPath: "absent.cf") }
    }

    @Test func warningsAreKeptForTheCaller() throws {
        defer { directory.remove() }
        _ = try write("smtpd_bogus = 1\n", to: "carrier.cf")
        #expect(try load().configuration.warnings.map(\.message) == ["unused parameter: smtpd_bogus=1"])
    }
}
