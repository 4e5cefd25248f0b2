/// Where a local recipient's copy goes: a folder of a Carrier account in the
/// store, a system account's mbox file in `mail_spool_directory`, or its
/// Maildir under `home_mailbox`.
public enum LocalDestination: Equatable, Sendable, CustomStringConvertible {
    case store(userID: Int64, account: String, folder: String)
    case mbox(path: String, account: SystemAccount)
    /// `folder` is relative to the account's home (`Maildir/`).
    case maildir(account: SystemAccount, folder: String)

    public var description: String {
        switch self {
        case .store(_, let account, let folder): "\(folder) of \(account) in the store"
        case .mbox(let path, _): "mailbox \(path)"
        case .maildir(let account, let folder): "maildir \(account.home)/\(folder)"
        }
    }

    var isStore: Bool {
        if case .store = self { return true }
        return false
    }

    /// The account and folder of a store destination.
    var storeCopy: (userID: Int64, folder: String)? {
        if case .store(let userID, _, let folder) = self { return (userID, folder) }
        return nil
    }

    /// The `relay=` and status text Postfix's local(8) logs for this kind of delivery.
    var logDetail: String {
        switch self {
        case .store: "delivered to mailbox"
        case .mbox: "delivered to mailbox"
        case .maildir: "delivered to maildir"
        }
    }
}
