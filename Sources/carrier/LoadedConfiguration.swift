import CarrierConfig
import Foundation

/// The configuration a command runs with: the parsed file, its typed settings and
/// where it came from.
struct LoadedConfiguration: Sendable {
    /// The parsed, validated file (or the embedded defaults), with its warnings.
    let configuration: Configuration
    /// The typed settings read from `configuration`.
    let settings: CarrierSettings
    /// The file read, or nil when Carrier runs on its embedded defaults.
    let path: String?

    /// Locates, reads and validates the configuration as `ConfigLoader` orders it:
    /// `explicitPath` (`--config`), `$CARRIER_CONFIG`, `./carrier.cf`, `/etc/carrier/main.cf`,
    /// the embedded defaults. Throws `ConfigError` and prints nothing, so a reload can
    /// keep running on the old configuration.
    init(
        explicitPath: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        systemPath: String = ConfigLoader.systemPath
    ) throws {
        let path = try ConfigLoader.locate(
            explicitPath: explicitPath, environment: environment, currentDirectory: currentDirectory,
            systemPath: systemPath)
        let configuration = try ConfigLoader.load(path: path)
        self.configuration = configuration
        self.settings = try CarrierSettings(configuration)
        self.path = path
    }

    /// What commands call at start: loads the configuration named by `options`, prints
    /// each warning as `carrier: warning: FILE:LINE: ...`, and turns a `ConfigError` into
    /// a `CommandFailure` (`carrier: fatal: FILE:LINE: ...`, exit 78).
    static func load(_ options: GlobalOptions) throws(CommandFailure) -> LoadedConfiguration {
        let loaded: LoadedConfiguration
        do {
            loaded = try LoadedConfiguration(explicitPath: options.configFile)
        } catch {
            throw .configuration(error)
        }
        for warning in loaded.configuration.warnings {
            Diagnostics.warning("\(warning.location): \(warning.message)")
        }
        return loaded
    }

    /// The file's name for messages: its path, or `built-in defaults`.
    var sourceName: String { path ?? "built-in defaults" }
}
