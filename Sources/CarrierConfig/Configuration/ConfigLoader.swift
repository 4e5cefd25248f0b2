import Foundation

/// Finds and loads Carrier's main.cf.
public enum ConfigLoader {
    /// The environment variable that names the configuration file.
    public static let environmentVariable = "CARRIER_CONFIG"
    /// The file looked for in the current directory.
    public static let localFileName = "carrier.cf"
    /// The system-wide file.
    public static let systemPath = "/etc/carrier/main.cf"

    /// The configuration file to use: `explicitPath` (`--config FILE`), else
    /// `$CARRIER_CONFIG`, else `./carrier.cf` if it is a file, else `systemPath` if it
    /// is a file, else nil for the embedded defaults. A path that was named explicitly
    /// (by option or environment) but does not exist is an error; one that cannot be
    /// read fails in `load`. Relative paths are taken from `currentDirectory`.
    public static func locate(
        explicitPath: String?, environment: [String: String], currentDirectory: String,
        systemPath: String = ConfigLoader.systemPath
    ) throws -> String? {
        let named: (path: String, source: String)? =
            if let explicitPath { (explicitPath, "--config") }
            else if let path = environment[environmentVariable], !path.isEmpty { (path, "$\(environmentVariable)") }
            else { nil }
        if let named {
            let resolved = resolve(named.path, in: currentDirectory)
            guard FileManager.default.fileExists(atPath: resolved) else {
                throw ConfigError(message: "configuration file \(resolved) (from \(named.source)) does not exist")
            }
            return resolved
        }
        return [resolve(localFileName, in: currentDirectory), systemPath].first(where: isFile)
    }

    /// Reads, parses and validates the file at `path`; nil gives the embedded defaults.
    public static func load(path: String?, table: ParameterTable = .standard) throws -> Configuration {
        guard let path else { return Configuration(table: table) }
        return try load(text: ConfigFileReader.contents(of: path), path: path, table: table)
    }

    /// Parses and validates `text`, naming `path` in errors and warnings.
    public static func load(text: String, path: String, table: ParameterTable = .standard) throws -> Configuration {
        let configuration = Configuration(entries: try MainCFParser.parse(text: text, path: path), table: table)
        try configuration.validate()
        return configuration
    }

    private static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    private static func resolve(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") ? path : (directory.hasSuffix("/") ? directory : directory + "/") + path
    }
}
