import ArgumentParser
import CarrierAuth

/// `carrier user passwd ADDRESS [--password-stdin]`: sets an account's password.
struct UserPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Change an account's password.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The account's address or name.")
    var address: String

    @Flag(help: "Read the password from the first line of standard input instead of the terminal.")
    var passwordStdin = false

    func run() async throws {
        let settings = try LoadedConfiguration.load(global).settings
        let account = try AccountName.key(for: address, settings: settings)
        let store = try StoreAccess(settings: settings)
        guard try await store.perform({ try await $0.user(address: account) }) != nil else {
            throw CommandFailure.refused("no such user: \(account)")
        }
        let hash = try PasswordHash.make(password: PasswordInput.read(fromStandardInput: passwordStdin)).description
        guard try await store.perform({ try await $0.updatePassword(address: account, passwordHash: hash) }) else {
            throw CommandFailure.refused("no such user: \(account)")
        }
        print("\(account): password changed")
    }
}
