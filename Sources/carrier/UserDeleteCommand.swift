import ArgumentParser

/// `carrier user del ADDRESS`: deletes an account with its mailboxes.
struct UserDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "del", abstract: "Delete a mail account and its mailboxes.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The account's address or name.")
    var address: String

    func run() async throws {
        let settings = try LoadedConfiguration.load(global).settings
        let account = try AccountName.key(for: address, settings: settings)
        let store = try StoreAccess(settings: settings)
        guard try await store.perform({ try await $0.deleteUser(address: account) }) else {
            throw CommandFailure.refused("no such user: \(account)")
        }
        print("\(account): account deleted")
    }
}
