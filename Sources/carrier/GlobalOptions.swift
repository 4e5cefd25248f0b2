import ArgumentParser

/// The options every `carrier` subcommand accepts (`@OptionGroup var global: GlobalOptions`).
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "The configuration file (default: $CARRIER_CONFIG, ./carrier.cf, /etc/carrier/main.cf, else built-in defaults).",
            valueName: "file"))
    var configFile: String?
}

extension GlobalOptions {
    /// Options for commands run on behalf of another (sendmail's `-bi`, links named `mailq`...).
    init(configFile: String?) {
        self.init()
        self.configFile = configFile
    }
}
