import ArgumentParser
import CarrierConfig
import CarrierServer
import Foundation
import LocalDelivery

/// `carrier serve`: runs the mail system in the foreground until SIGTERM/SIGINT;
/// SIGHUP re-reads the configuration, SIGUSR1 picks up the maildrop now.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the mail system in the foreground (logs also go to stderr).")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .customLong("quiet"), help: "Do not copy log lines to stderr.")
    var quiet = false

    func run() async throws {
        let loaded = try LoadedConfiguration.load(global)
        let settings = loaded.settings
        let lock: DataDirectoryLock
        do {
            lock = try DataDirectoryLock(dataDirectory: settings.dataDirectory)
        } catch let running as DataDirectoryLock.AlreadyRunning {
            throw CommandFailure(message: "fatal: \(running)", status: ExitStatus.failure)
        } catch {
            throw CommandFailure(message: "fatal: data directory \(settings.dataDirectory): \(error)", status: ExitStatus.temporaryFailure)
        }
        let writer: MailLogWriter
        let server: MailServer
        let separation: (account: SystemAccount, helper: PrivilegeSeparation.Helper)?
        do {
            separation = try prepareSeparation(settings)
            writer = try MailLogWriter(logPath: settings.maillogFile, errorPath: settings.maillogErrorFile,
                                       hostname: settings.myhostname, syslogName: settings.syslogName,
                                       echoToStandardError: !quiet)
            if let separation { try PrivilegeSeparation.handOver(dataDirectory: settings.dataDirectory, to: separation.account) }
            server = try MailServer(settings: settings, logWriter: writer, privilegedHelper: separation?.helper.client)
            try await server.start()
            if let separation {
                // On the main thread: it is parked in the main queue and would otherwise keep root.
                try await MainActor.run { try PrivilegeSeparation.drop(to: separation.account) }
                server.masterLogger.info("running as \(separation.account.name) (uid \(separation.account.uid)); delivery helper pid \(separation.helper.pid)")
            }
        } catch {
            lock.release()
            throw CommandFailure(message: "fatal: \(error)", status: ExitStatus.temporaryFailure)
        }
        let (signals, sources) = SignalStream.make([SIGTERM, SIGINT, SIGHUP, SIGUSR1])
        server.masterLogger.info("daemon started -- version \(CarrierVersion.current), configuration \(loaded.sourceName)")
        for listen in settings.smtpdListen {
            server.masterLogger.info("smtpd listening on \(listen)")
        }
        let warnings = PendingParameters.warnings(loaded.configuration) + PendingParameters.refusals(loaded.configuration)
            + PendingParameters.unsupportedTables(loaded.configuration, settings)
        for warning in warnings {
            server.masterLogger.warning("warning: \(warning)")
        }
        for await number in signals {
            if number == SIGHUP {
                reload(server)
                continue
            }
            if number == SIGUSR1 {
                server.flush()
                continue
            }
            server.masterLogger.info("terminating on signal \(number)")
            break
        }
        await server.shutdown(gracePeriod: settings.smtpdShutdownTimeout)
        sources.forEach { $0.cancel() }
        lock.release()
    }

    /// With `mail_owner` set and started as root: the account to run as and the
    /// privileged delivery helper. Not root: a warning, and nothing changes.
    func prepareSeparation(_ settings: CarrierSettings) throws -> (account: SystemAccount, helper: PrivilegeSeparation.Helper)? {
        guard !settings.mailOwner.isEmpty else { return nil }
        guard getuid() == 0 else {
            Diagnostics.warning("mail_owner = \(settings.mailOwner) needs `carrier serve` to start as root; running as uid \(getuid())")
            return nil
        }
        let account = try PrivilegeSeparation.account(named: settings.mailOwner)
        return (account, try PrivilegeSeparation.startHelper(executable: Daemon.ownExecutable))
    }

    /// Re-reads the configuration; a bad file keeps the old one running.
    func reload(_ server: MailServer) {
        do {
            let loaded = try LoadedConfiguration(explicitPath: global.configFile)
            server.reload(loaded.settings)
            server.masterLogger.info("reload -- version \(CarrierVersion.current), configuration \(loaded.sourceName)")
        } catch {
            server.masterLogger.error("warning: reload failed, keeping the running configuration: \(error)")
        }
    }
}
