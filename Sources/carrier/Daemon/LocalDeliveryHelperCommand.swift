import ArgumentParser
import LocalDelivery

/// `carrier local-delivery-helper`: the privileged delivery process the server
/// starts for itself before it drops to `mail_owner`; not for operators.
struct LocalDeliveryHelperCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "local-delivery-helper",
        abstract: "Internal: privileged mbox/Maildir delivery for a server running as mail_owner.",
        shouldDisplay: false)

    func run() throws {
        PrivilegedDeliveryHelper.serve(descriptor: 0)
    }
}
