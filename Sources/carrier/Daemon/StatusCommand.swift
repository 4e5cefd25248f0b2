import ArgumentParser
import CarrierServer
import CarrierStore
import Foundation

/// `carrier status`: whether the server runs, its pid, listeners and queue size.
/// Exit 0 when running, 1 when not (like `postfix status`).
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Say whether the mail system is running, with its pid, listeners and queue.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let loaded = try LoadedConfiguration.load(global)
        let settings = loaded.settings
        let maildrop = Maildrop(dataDirectory: settings.dataDirectory).entries().count
        let queued = (try? await StoreAccess(settings: settings).perform { try await $0.queueEntries().count }) ?? 0
        guard let pid = DataDirectoryLock.runningServerPID(dataDirectory: settings.dataDirectory) else {
            print("the Carrier mail system is not running (data directory \(settings.dataDirectory))")
            print("queue: \(queued) deferred, \(maildrop) waiting in the maildrop")
            throw ExitCode(1)
        }
        print("the Carrier mail system is running: PID: \(pid)")
        print("configuration: \(loaded.sourceName)")
        print("smtpd: " + (settings.smtpdListen.isEmpty ? "disabled" : settings.smtpdListen.map(\.description).joined(separator: " ")))
        print("queue: \(queued) deferred, \(maildrop) waiting in the maildrop")
    }
}
