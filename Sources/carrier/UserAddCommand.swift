import ArgumentParser
import CarrierAuth

/// `carrier user add ADDRESS [--admin] [--password-stdin]`: creates an account.
struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Create a mail account.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "NAME, or NAME@DOMAIN in a mydestination or virtual_mailbox_domains domain.")
    var address: String

    @Flag(help: "Make the account an administrator.")
    var admin = false

    @Flag(help: "Read the password from the first line of standard input instead of the terminal.")
    var passwordStdin = false

    func run() async throws {
        let settings = try LoadedConfiguration.load(global).settings
        let account = try AccountName.key(for: address, settings: settings)
        let store = try StoreAccess(settings: settings)
        guard try await store.perform({ try await $0.user(address: account) }) == nil else {
            throw CommandFailure.refused("user already exists: \(account)")
        }
        let hash = try PasswordHash.make(password: PasswordInput.read(fromStandardInput: passwordStdin)).description
        _ = try await store.perform { try await $0.createUser(address: account, passwordHash: hash, isAdmin: admin) }
        print("\(account): account created\(admin ? " (admin)" : "")")
    }
}
