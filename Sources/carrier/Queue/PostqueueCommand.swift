import ArgumentParser

/// `carrier postqueue -p` (list, like `mailq`) and `carrier postqueue -f` (flush).
struct PostqueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postqueue",
        abstract: "List (-p) or flush (-f) the mail queue, like Postfix's postqueue.")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .customShort("p"), help: "List the queue, as mailq does.")
    var list = false

    @Flag(name: .customShort("f"), help: "Deliver queued mail now.")
    var flush = false

    func validate() throws {
        guard list != flush else { throw ValidationError("give exactly one of -p and -f") }
    }

    func run() async throws {
        let loaded = try LoadedConfiguration.load(global)
        if list {
            try await QueueListing.print(settings: loaded.settings)
        } else {
            try QueueFlush.request(settings: loaded.settings)
        }
    }
}
