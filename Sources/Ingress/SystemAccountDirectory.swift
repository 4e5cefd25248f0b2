import CarrierConfig
import LocalDelivery

/// `local_recipient_maps = unix:passwd.byname`: Unix accounts as local
/// recipients, delivered to their mbox in `mail_spool_directory` (default
/// `/var/mail`, as Postfix) or to `home_mailbox` (`Maildir/`) when that is set.
/// Lookups read the password database, so the router consults this only off
/// the event loop.
public struct SystemAccountDirectory: Sendable {
    public let enabled: Bool
    let spoolDirectory: String
    let homeMailbox: String

    public init(_ settings: CarrierSettings) {
        enabled = settings.localRecipientMaps.contains { $0.type == "unix" && $0.path == "passwd.byname" }
        spoolDirectory = settings.mailSpoolDirectory.isEmpty ? "/var/mail" : settings.mailSpoolDirectory
        homeMailbox = settings.homeMailbox
    }

    /// Where mail for the account `name` goes, or nil when there is no such account.
    public func destination(_ name: String) -> LocalDestination? {
        guard enabled, !name.isEmpty, !name.contains("/"), let account = SystemAccount.lookup(name) else { return nil }
        if !homeMailbox.isEmpty { return .maildir(account: account, folder: homeMailbox) }
        return .mbox(path: "\(spoolDirectory)/\(account.name)", account: account)
    }
}
