import ArgumentParser

/// `carrier postqueue -p` (list, like `mailq`), `-f` (flush) and `-i ID` (deliver one message now).
struct PostqueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postqueue",
        abstract: "List (-p) or flush (-f) the mail queue, like Postfix's postqueue.")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .customShort("p"), help: "List the queue, as mailq does.")
    var list = false

    @Flag(name: .customShort("f"), help: "Deliver queued mail now.")
    var flush = false

    @Option(name: .customShort("i"), help: ArgumentHelp("Deliver this queued message now.", valueName: "id"))
    var deliverNow: String?

    func validate() throws {
        guard [list, flush, deliverNow != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of -p, -f and -i ID")
        }
    }

    func run() async throws {
        let loaded = try LoadedConfiguration.load(global)
        if list {
            try await QueueListing.print(settings: loaded.settings)
        } else if let id = deliverNow {
            let changed = try await StoreAccess(settings: loaded.settings).perform { try await $0.requeue([id]) }
            // Due now: the running queue manager takes it within its next pass (seconds).
            guard changed > 0 else { throw CommandFailure.refused("postqueue: fatal: \(id): no such queued message") }
        } else {
            try QueueFlush.request(settings: loaded.settings)
        }
    }
}
