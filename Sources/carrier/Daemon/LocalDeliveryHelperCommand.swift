import ArgumentParser
import LocalDelivery

/// `carrier local-delivery-helper`: the privileged delivery process the server
/// starts for itself before it drops to `mail_owner`; not for operators.
struct LocalDeliveryHelperCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "local-delivery-helper",
        abstract: "Internal: privileged mbox/Maildir delivery for a server running as mail_owner.",
        shouldDisplay: false)

    @Option(help: "The only mbox spool directory to write into.")
    var spool: String

    @Option(help: "The only Maildir folder (relative to home) to write into; empty for none.")
    var maildir = ""

    func run() throws {
        PrivilegedDeliveryHelper.serve(descriptor: 0, spoolDirectory: spool, maildirFolder: maildir)
    }
}
