import ArgumentParser
import CarrierConfig
import CarrierServer
import Foundation
import LocalDelivery
import Queue

/// `carrier serve`: runs the mail system in the foreground until SIGTERM/SIGINT;
/// SIGHUP re-reads the configuration, SIGUSR1 picks up the maildrop now.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the mail system in the foreground (logs also go to stderr).")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .customLong("quiet"), help: "Do not copy log lines to stderr.")
    var quiet = false

    @Option(name: .customLong("inherited"), help: .hidden)
    var inherited: String?

    func run() async throws {
        let loaded = try LoadedConfiguration.load(global)
        let settings = loaded.settings
        let lock: DataDirectoryLock
        var helper: PrivilegedDeliveryClient?
        var inheritedListeners: [String: [Int32]]?
        if let inherited {
            guard let fds = PrivilegeSeparation.Inherited(inherited) else { throw CommandFailure.usage("bad --inherited \(inherited)") }
            lock = DataDirectoryLock(adopting: fds.lock, dataDirectory: settings.dataDirectory)
            helper = PrivilegedDeliveryClient(descriptor: fds.helper)
            inheritedListeners = fds.listeners
        } else {
            lock = try acquireLock(settings)
            try separateIfConfigured(loaded, lock)
        }
        let writer: MailLogWriter
        let server: MailServer
        do {
            writer = try MailLogWriter(logPath: settings.maillogFile, errorPath: settings.maillogErrorFile,
                                       hostname: settings.myhostname, syslogName: settings.syslogName,
                                       echoToStandardError: !quiet)
            server = try MailServer(settings: settings, logWriter: writer, privilegedHelper: helper)
            try await server.start(inherited: inheritedListeners)
        } catch {
            lock.release()
            throw CommandFailure(message: "fatal: \(error)", status: ExitStatus.temporaryFailure)
        }
        let (signals, sources) = SignalStream.make([SIGTERM, SIGINT, SIGHUP, SIGUSR1])
        server.masterLogger.info("daemon started -- version \(CarrierVersion.current), configuration \(loaded.sourceName)")
        if inherited != nil {
            server.masterLogger.info("running as \(settings.mailOwner) (uid \(getuid())); mailbox files are written by the privileged delivery helper")
        }
        for (service, addresses) in [("smtpd", settings.smtpdListen), ("submission", settings.submissionListen),
                                     ("submissions", settings.submissionsListen)] {
            for address in addresses { server.masterLogger.info("\(service) listening on \(address)") }
        }
        let warnings = PendingParameters.warnings(loaded.configuration) + PendingParameters.refusals(loaded.configuration)
            + PendingParameters.unsupportedTables(loaded.configuration, settings)
            + SASLPasswordMap(tables: settings.smtpSASLPasswordMaps).exposureWarnings()
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

    func acquireLock(_ settings: CarrierSettings) throws -> DataDirectoryLock {
        do {
            return try DataDirectoryLock(dataDirectory: settings.dataDirectory)
        } catch let running as DataDirectoryLock.AlreadyRunning {
            throw CommandFailure(message: "fatal: \(running)", status: ExitStatus.failure)
        } catch {
            throw CommandFailure(message: "fatal: data directory \(settings.dataDirectory): \(error)", status: ExitStatus.temporaryFailure)
        }
    }

    /// With `mail_owner` set and started as root: hands the data directory and
    /// log files to that account, starts the privileged delivery helper, binds
    /// the listeners and re-executes as the account (does not return). Not root:
    /// a warning, and the server runs as the current user.
    func separateIfConfigured(_ loaded: LoadedConfiguration, _ lock: DataDirectoryLock) throws {
        let settings = loaded.settings
        guard !settings.mailOwner.isEmpty else { return }
        guard getuid() == 0 else {
            Diagnostics.warning("mail_owner = \(settings.mailOwner) needs `carrier serve` to start as root; running as uid \(getuid())")
            return
        }
        do {
            let account = try PrivilegeSeparation.account(named: settings.mailOwner)
            for path in [settings.maillogFile, settings.maillogErrorFile] where !path.isEmpty {
                try MailLogWriter.prepare(path)
                lchown(path, account.uid, account.gid)
            }
            try PrivilegeSeparation.handOver(dataDirectory: settings.dataDirectory, to: account)
            let helper = try PrivilegeSeparation.startHelper(executable: Daemon.ownExecutable, settings: settings)
            let inherited = PrivilegeSeparation.Inherited(lock: lock.lockDescriptor, helper: helper.descriptor, listeners: [
                "smtp": try PrivilegeSeparation.bindListeners(settings.smtpdListen, key: "smtpd_listen"),
                "submission": try PrivilegeSeparation.bindListeners(settings.submissionListen, key: "submission_listen"),
                "submissions": try PrivilegeSeparation.bindListeners(settings.submissionsListen, key: "submissions_listen"),
                "pop3": try PrivilegeSeparation.bindListeners(settings.pop3Listen, key: "pop3_listen"),
                "pop3s": try PrivilegeSeparation.bindListeners(settings.pop3sListen, key: "pop3s_listen"),
                "imap": try PrivilegeSeparation.bindListeners(settings.imapListen, key: "imap_listen"),
                "imaps": try PrivilegeSeparation.bindListeners(settings.imapsListen, key: "imaps_listen"),
            ])
            var arguments = ["serve", "--inherited", inherited.description]
            if let path = loaded.path { arguments += ["--config", path] }
            if quiet { arguments.append("--quiet") }
            try PrivilegeSeparation.execUnprivileged(as: account, executable: Daemon.ownExecutable, arguments: arguments,
                                                     keeping: inherited.all)
        } catch {
            lock.release()
            throw CommandFailure(message: "fatal: \(error)", status: ExitStatus.temporaryFailure)
        }
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
