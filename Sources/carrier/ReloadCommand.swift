import ArgumentParser
import CarrierServer
import Foundation

/// `carrier reload`: sends SIGHUP to the server running on this configuration's
/// data directory (found through its pid file).
struct ReloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Make the running server re-read its configuration.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let loaded = try LoadedConfiguration.load(global)
        guard let pid = DataDirectoryLock.runningServerPID(dataDirectory: loaded.settings.dataDirectory) else {
            throw CommandFailure(message: "fatal: the mail system is not running (data directory \(loaded.settings.dataDirectory))",
                                 status: ExitStatus.failure)
        }
        guard kill(pid, SIGHUP) == 0 else {
            throw CommandFailure(message: "fatal: cannot signal pid \(pid): \(String(cString: strerror(errno)))",
                                 status: ExitStatus.failure)
        }
        Diagnostics.line("refreshing the Carrier mail system (pid \(pid))")
    }
}
