import ArgumentParser
import Foundation

/// `carrier install [--prefix DIR]`: the links that make the binary answer as
/// `sendmail`, `mailq`, `newaliases`, `postmap`, `postqueue`, `postsuper`,
/// `mail` and `mailx`, plus a systemd unit. As root with the default prefix it
/// also points `/usr/sbin/sendmail` at Carrier (only with `--force` when another
/// MTA's sendmail is there).
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Create the sendmail/mailq/... links and a systemd unit.")

    static let defaultPrefix = "/usr/local"

    @OptionGroup var global: GlobalOptions

    @Option(help: "Installation prefix: links go in PREFIX/sbin and PREFIX/bin.")
    var prefix = InstallCommand.defaultPrefix

    @Option(help: "The configuration file the systemd unit passes to `carrier serve` (default: --config, else /etc/carrier/main.cf).")
    var unitConfig: String?

    @Flag(help: "Replace an existing /usr/sbin/sendmail that is not Carrier's.")
    var force = false

    /// Where each link goes, relative to the prefix.
    static let links: [(folder: String, name: String)] = [
        ("sbin", "sendmail"), ("sbin", "newaliases"), ("sbin", "postmap"), ("sbin", "postqueue"), ("sbin", "postsuper"),
        ("bin", "mailq"), ("bin", "mail"), ("bin", "mailx"),
    ]

    func run() throws {
        let binary = Daemon.ownExecutable
        let fm = FileManager.default
        for (folder, name) in Self.links {
            let directory = "\(prefix)/\(folder)"
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try replaceLink(at: "\(directory)/\(name)", to: binary, allowForeign: true)
            print("\(directory)/\(name) -> \(binary)")
        }
        let unitDirectory = "\(prefix)/lib/systemd/system"
        try fm.createDirectory(atPath: unitDirectory, withIntermediateDirectories: true)
        let config = unitConfig ?? global.configFile ?? "/etc/carrier/main.cf"
        try SystemdUnit.text(binary: binary, config: config).write(toFile: "\(unitDirectory)/carrier.service",
                                                                       atomically: true, encoding: .utf8)
        print("\(unitDirectory)/carrier.service (enable with: systemctl enable --now carrier)")
        if getuid() == 0 && prefix == Self.defaultPrefix {
            try replaceLink(at: "/usr/sbin/sendmail", to: binary, allowForeign: force)
            print("/usr/sbin/sendmail -> \(binary)")
        }
    }

    /// Makes `path` a symlink to `target`; refuses to replace a file that is not
    /// already a link to a carrier binary unless `allowForeign`.
    func replaceLink(at path: String, to target: String, allowForeign: Bool) throws {
        let fm = FileManager.default
        if let existing = try? fm.destinationOfSymbolicLink(atPath: path) {
            if existing == target { return }
            guard allowForeign || existing.hasSuffix("/carrier") else {
                throw CommandFailure(message: "fatal: \(path) points to \(existing), another mail system; use --force to replace it",
                                     status: ExitStatus.failure)
            }
            try fm.removeItem(atPath: path)
        } else if fm.fileExists(atPath: path) {
            guard allowForeign else {
                throw CommandFailure(message: "fatal: \(path) exists and belongs to another mail system; use --force to replace it",
                                     status: ExitStatus.failure)
            }
            try fm.removeItem(atPath: path)
        }
        try fm.createSymbolicLink(atPath: path, withDestinationPath: target)
    }
}

/// The systemd service for `carrier serve` in the foreground (Type=simple),
/// reload with SIGHUP, graceful stop with SIGTERM.
enum SystemdUnit {
    static func text(binary: String, config: String) -> String {
        """
        [Unit]
        Description=Carrier mail system (SMTP, local delivery, IMAP, POP3)
        After=network-online.target
        Wants=network-online.target

        [Service]
        Type=simple
        ExecStart=\(binary) serve --quiet --config \(config)
        ExecReload=/bin/kill -HUP $MAINPID
        KillSignal=SIGTERM
        TimeoutStopSec=30
        Restart=on-failure

        [Install]
        WantedBy=multi-user.target

        """
    }
}
