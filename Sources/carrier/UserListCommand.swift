import ArgumentParser

/// `carrier user list`: prints every account, one a line, administrators marked.
struct UserListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List mail accounts.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let settings = try LoadedConfiguration.load(global).settings
        let store = try StoreAccess(settings: settings)
        for user in try await store.perform({ try await $0.users() }) {
            print(user.isAdmin ? "\(user.address) (admin)" : user.address)
        }
    }
}
