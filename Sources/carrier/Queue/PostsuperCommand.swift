import ArgumentParser
import CarrierStore
import Foundation

/// `carrier postsuper`: queue maintenance like Postfix's postsuper: `-d`
/// deletes (maildrop and queue), `-h` puts on hold, `-H` releases, `-r`
/// requeues (tries again now). Each takes a queue id, `ALL`, or `-` for ids
/// on standard input.
struct PostsuperCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postsuper",
        abstract: "Delete (-d), hold (-h), release (-H) or requeue (-r) queued mail: ID, ALL, or - for ids on stdin.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customShort("d"), help: ArgumentHelp("Delete: a queue id, ALL, or -.", valueName: "id"))
    var delete: [String] = []

    @Option(name: .customShort("h"), help: ArgumentHelp("Put on hold: a queue id, ALL, or -.", valueName: "id"))
    var hold: [String] = []

    @Option(name: .customShort("H"), help: ArgumentHelp("Release from hold: a queue id, ALL, or -.", valueName: "id"))
    var release: [String] = []

    @Option(name: .customShort("r"), help: ArgumentHelp("Requeue (deliver now): a queue id, ALL, or -.", valueName: "id"))
    var requeue: [String] = []

    func validate() throws {
        guard !(delete + hold + release + requeue).isEmpty else { throw ValidationError("nothing to do: give -d, -h, -H or -r") }
    }

    func run() async throws {
        let loaded = try LoadedConfiguration.load(global)
        let store = try StoreAccess(settings: loaded.settings)
        if !hold.isEmpty {
            let selection = QueueSelection(hold)
            let count = try await store.perform { try await $0.setQueueHold(selection.storeArgument, hold: true) }
            Diagnostics.line("postsuper: Placed on hold: \(count) message\(count == 1 ? "" : "s")")
        }
        if !release.isEmpty {
            let selection = QueueSelection(release)
            let count = try await store.perform { try await $0.setQueueHold(selection.storeArgument, hold: false) }
            Diagnostics.line("postsuper: Released from hold: \(count) message\(count == 1 ? "" : "s")")
        }
        if !requeue.isEmpty {
            let selection = QueueSelection(requeue)
            let count = try await store.perform { try await $0.requeue(selection.storeArgument) }
            Diagnostics.line("postsuper: Requeued: \(count) message\(count == 1 ? "" : "s")")
        }
        if !delete.isEmpty { try await deleteMessages(QueueSelection(delete), loaded: loaded, store: store) }
    }

    func deleteMessages(_ selection: QueueSelection, loaded: LoadedConfiguration, store: StoreAccess) async throws {
        let maildrop = Maildrop(dataDirectory: loaded.settings.dataDirectory)
        var removed: [String] = []
        for entry in maildrop.entries() where selection.contains(entry.envelope.queueID) {
            do {
                try maildrop.remove(queueID: entry.envelope.queueID)
                removed.append(entry.envelope.queueID)
            } catch {
                Diagnostics.warning("postsuper: \(entry.envelope.queueID): \(error)")
            }
        }
        let queued = try await store.perform { store in
            let present = try await store.queueEntries().map(\.queueID).filter { selection.contains($0) }
            _ = try await store.deleteQueueEntries(present)
            return present
        }
        removed += queued
        for id in removed { Diagnostics.line("postsuper: \(id): removed") }
        Diagnostics.line("postsuper: Deleted: \(removed.count) message\(removed.count == 1 ? "" : "s")")
    }
}
