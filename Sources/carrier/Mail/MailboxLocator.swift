import CarrierConfig
import Foundation

/// Which mailbox `carrier mail` opens when it has no recipients:
///
/// - `-f [FILE]`: that mbox file (default `~/mbox`);
/// - else the user of `-u USER` or the login name, mapped with
///   `accountKey(forAddress:)`: the Carrier account's INBOX if the store has
///   that account; else, when `mail_spool_directory` is set, the system user's
///   spool file `mail_spool_directory/USER`.
enum MailboxLocator {
    /// The mailbox to read; nil when the user has none (`No mail for USER`).
    static func locate(_ command: MailCommand, settings: CarrierSettings) async throws(CommandFailure) -> (any MailboxSource)? {
        if command.readFile {
            let path = command.arguments.first ?? homeDirectory + "/mbox"
            guard FileManager.default.fileExists(atPath: path) else {
                throw .noInput("\(path): No such file or directory")
            }
            return MboxMailbox(path: path, isNamedFile: true)
        }
        let user = userName(command)
        guard let account = settings.accountKey(forAddress: user) else {
            throw .usage("\(user) is not an address of this mail system")
        }
        if FileManager.default.fileExists(atPath: settings.dataDirectory + "/carrier.sqlite") {
            let store = try StoreAccess(settings: settings)
            if try await store.perform({ try await $0.user(address: account) }) != nil {
                return StoreMailbox(account: account, store: store)
            }
        }
        guard !settings.mailSpoolDirectory.isEmpty, isSpoolFileName(account) else { return nil }
        return MboxMailbox(path: settings.mailSpoolDirectory + "/" + account, isNamedFile: false)
    }

    /// The user whose mail is read: `-u USER` or the login name.
    static func userName(_ command: MailCommand) -> String {
        command.user ?? LocalSubmission.loginName
    }

    /// `$HOME`, for `~/mbox` (mailx's default for `-f`) and `s ~/FILE`.
    static var homeDirectory: String {
        ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
    }

    /// A system user name usable as a file name in the spool directory: no
    /// `/`, not starting with `.`, no `@` (hosted accounts have no spool file).
    static func isSpoolFileName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("@")
            && !name.unicodeScalars.contains { $0.value < 0x20 }
    }
}
