import ArgumentParser

/// `carrier mailq` (also run as `mailq` through a link): `postqueue -p`.
struct MailqCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mailq",
        abstract: "List the mail queue (postqueue -p).")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let loaded = try LoadedConfiguration.load(global)
        try await QueueListing.print(settings: loaded.settings)
    }
}
