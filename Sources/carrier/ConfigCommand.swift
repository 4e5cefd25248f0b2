import ArgumentParser
import CarrierConfig

/// `carrier config [-d] [KEY...]` shows the configuration like `postconf`;
/// `carrier config check` validates it.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show configuration parameters (like postconf), or check the file.",
        usage: """
            carrier config [--config <file>] [-d] [<key> ...]
            carrier config [--config <file>] check
            """,
        discussion: """
            Without arguments, prints the parameters the file sets, as written (postconf -n).
            With KEYs, prints each one's value with $names expanded. With -d, uses the
            built-in defaults instead of the file.

            `carrier config check` validates the file: it prints FILE: ok, or the first
            error with its file and line and exits 78.
            """)

    /// The word that asks for a check instead of naming a parameter.
    static let checkVerb = "check"

    @OptionGroup var global: GlobalOptions

    @Flag(name: .customShort("d"), help: "Show built-in defaults instead of the file's values.")
    var defaults = false

    @Argument(help: ArgumentHelp("Parameters to show, expanded; or the word check.", valueName: "key"))
    var keys: [String] = []

    func validate() throws {
        guard keys.first == Self.checkVerb else { return }
        guard keys.count == 1, !defaults else { throw ValidationError("check takes no keys and no -d") }
    }

    func run() throws {
        if keys == [Self.checkVerb] {
            print("\(try LoadedConfiguration.load(global).sourceName): ok")
            return
        }
        let configuration = defaults ? Configuration() : try LoadedConfiguration.load(global).configuration
        if !keys.isEmpty {
            print(try values(of: keys, in: configuration), terminator: "")
        } else if defaults {
            print(ConfigReport.defaults(configuration.table), terminator: "")
        } else {
            print(ConfigReport.nonDefault(configuration), terminator: "")
        }
    }

    /// `key = expanded value` lines; an unknown key is a usage error.
    private func values(of keys: [String], in configuration: Configuration) throws(CommandFailure) -> String {
        do {
            return try ConfigReport.values(configuration, keys: keys)
        } catch {
            throw .usage("\(error)")
        }
    }
}
