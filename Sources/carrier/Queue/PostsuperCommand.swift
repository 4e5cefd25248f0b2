import ArgumentParser
import CarrierStore
import Foundation

/// `carrier postsuper -d ID|ALL`: deletes messages from the maildrop and the
/// queue, like Postfix's postsuper. `-d -` reads queue ids from stdin.
struct PostsuperCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postsuper",
        abstract: "Delete queued mail (-d ID, -d ALL, -d - for ids on stdin).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customShort("d"), help: ArgumentHelp("A queue id, ALL, or - (ids on standard input).", valueName: "id"))
    var delete: [String] = []

    func validate() throws {
        guard !delete.isEmpty else { throw ValidationError("nothing to do: give -d ID|ALL|-") }
    }

    func run() async throws {
        let loaded = try LoadedConfiguration.load(global)
        var ids: [String] = []
        var all = false
        for argument in delete {
            switch argument {
            case "ALL": all = true
            case "-":
                let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                ids += text.split(whereSeparator: \.isWhitespace).map(String.init)
            default: ids.append(argument)
            }
        }
        let maildrop = Maildrop(dataDirectory: loaded.settings.dataDirectory)
        var removed: [String] = []
        for entry in maildrop.entries() where all || ids.contains(entry.envelope.queueID) {
            do {
                try maildrop.remove(queueID: entry.envelope.queueID)
                removed.append(entry.envelope.queueID)
            } catch {
                Diagnostics.warning("postsuper: \(entry.envelope.queueID): \(error)")
            }
        }
        let queued = try await StoreAccess(settings: loaded.settings).perform { store in
            let present = try await store.queueEntries().map(\.queueID).filter { all || ids.contains($0) }
            _ = try await store.deleteQueueEntries(present)
            return present
        }
        removed += queued
        for id in removed { Diagnostics.line("postsuper: \(id): removed") }
        Diagnostics.line("postsuper: Deleted: \(removed.count) message\(removed.count == 1 ? "" : "s")")
    }
}
