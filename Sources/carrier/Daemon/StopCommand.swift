import ArgumentParser
import CarrierServer
import Foundation

/// `carrier stop`: SIGTERM to the running server, then waits for it to exit.
struct StopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop",
        abstract: "Stop the running mail system (graceful: sessions in flight finish).")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let loaded = try LoadedConfiguration.load(global)
        let directory = loaded.settings.dataDirectory
        guard let pid = DataDirectoryLock.runningServerPID(dataDirectory: directory) else {
            throw CommandFailure(message: "fatal: the Carrier mail system is not running", status: ExitStatus.failure)
        }
        guard kill(pid, SIGTERM) == 0 else {
            throw CommandFailure(message: "fatal: cannot signal pid \(pid): \(String(cString: strerror(errno)))", status: ExitStatus.failure)
        }
        Diagnostics.line("stopping the Carrier mail system")
        let deadline = ContinuousClock.now + loaded.settings.smtpdShutdownTimeout + .seconds(10)
        while ContinuousClock.now < deadline {
            if DataDirectoryLock.runningServerPID(dataDirectory: directory) == nil { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw CommandFailure(message: "fatal: the mail system (pid \(pid)) did not stop in time", status: ExitStatus.temporaryFailure)
    }
}
