import CarrierConfig
import Foundation

/// Shared inputs: a parameter table for a fixed host name and a loader for main.cf text.
enum Fixture {
    static let table = ParameterTable(hostname: "mail.example.com")

    /// Parses and validates `text` as `carrier.cf`.
    static func load(_ text: String) throws -> Configuration {
        try ConfigLoader.load(text: text, path: "carrier.cf", table: table)
    }

    /// Parses `text` as `carrier.cf` without validating it.
    static func parse(_ text: String) throws -> Configuration {
        Configuration(entries: try MainCFParser.parse(text: text, path: "carrier.cf"), table: table)
    }

    /// The description of the `ConfigError` that `body` throws, or nil if it throws none.
    static func errorText(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return (error as? ConfigError)?.description ?? "not a ConfigError: \(error)"
        }
    }

    /// A new empty directory, removed by `cleanup`.
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cc-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
