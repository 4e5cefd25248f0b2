import ArgumentParser
import CarrierServer
import Foundation

/// `carrier start`: runs `carrier serve` detached in the background (its own
/// session, no terminal, logs to the log files) and waits until it listens or
/// reports why it could not start.
struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start the mail system in the background.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let loaded = try LoadedConfiguration.load(global)
        let settings = loaded.settings
        if let pid = DataDirectoryLock.runningServerPID(dataDirectory: settings.dataDirectory) {
            throw CommandFailure(message: "fatal: the Carrier mail system is already running (pid \(pid))", status: ExitStatus.failure)
        }
        try FileManager.default.createDirectory(atPath: settings.dataDirectory + "/log", withIntermediateDirectories: true)
        let startupLog = settings.dataDirectory + "/log/startup.err"
        var arguments = ["serve", "--quiet"]
        if let path = loaded.path { arguments += ["--config", path] }
        let pid = try Daemon.spawn(executable: Daemon.ownExecutable, arguments: arguments, standardError: startupLog)
        Diagnostics.line("starting the Carrier mail system")
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline {
            if DataDirectoryLock.runningServerPID(dataDirectory: settings.dataDirectory) == pid,
               Daemon.listening(settings.smtpdListen) {
                return
            }
            if !Daemon.isAlive(pid) {
                let reason = (try? String(contentsOfFile: startupLog, encoding: .utf8))?
                    .split(separator: "\n").last.map(String.init) ?? "exited at once"
                throw CommandFailure(message: "fatal: the mail system did not start: \(reason)", status: ExitStatus.temporaryFailure)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw CommandFailure(message: "fatal: the mail system (pid \(pid)) did not start listening within 15 seconds; see \(startupLog)",
                             status: ExitStatus.temporaryFailure)
    }
}
