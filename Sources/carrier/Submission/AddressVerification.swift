import CarrierConfig
import CarrierStore
import Foundation
import Ingress
import MailCore
import SMTPProtocol

/// `sendmail -bv`: says how each address would be delivered, without sending
/// anything (Sendmail prints this on the terminal; Postfix mails it — Carrier
/// prints it, which is what an operator at a shell wants).
enum AddressVerification {
    static func report(_ addresses: [String], settings: CarrierSettings) async throws {
        guard !addresses.isEmpty else { throw CommandFailure.usage("sendmail: fatal: no recipients specified") }
        let snapshot = try await StoreAccess(settings: settings).perform { try await $0.loadDirectory() }
        let router = RecipientRouter(settings: settings, transports: TransportTable(references: settings.transportMaps))
        var failed = false
        for text in addresses {
            let qualified = text.contains("@") ? text : "\(text)@\(settings.myorigin)"
            guard let address = try? SMTPPathParser.mailbox(Array(qualified.utf8)[...]) else {
                print("\(text)... bad address syntax")
                failed = true
                continue
            }
            switch router.route(address, relayPermitted: true, in: snapshot, systemAccounts: SystemAccountDirectory(settings)) {
            case .local(let targets):
                print("\(address)... deliverable: " + targets.map(\.description).joined(separator: ", "))
            case .split(let targets, let remote):
                print("\(address)... deliverable: " + (targets.map(\.description) + remote.map { "queued for <\($0)>" }).joined(separator: ", "))
            case .remote:
                print("\(address)... deliverable: queued for delivery to " + (settings.relayhost.isEmpty ? "the MX hosts of \(address.domain)" : settings.relayhost))
            case .reject(let reply):
                print("\(address)... undeliverable: \(reply)")
                failed = true
            }
        }
        if failed { throw CommandFailure(message: "sendmail: some addresses are undeliverable", status: 67) }
    }
}
