import ArgumentParser

/// `carrier user ...`: manages the mail accounts in the store.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage mail accounts.",
        discussion: """
            An ADDRESS in a mydestination domain, or a bare NAME, is the local account NAME
            (one namespace for all local domains); an address in a virtual_mailbox_domains
            domain is an account of its own.
            """,
        subcommands: [UserAddCommand.self, UserListCommand.self, UserPasswordCommand.self, UserDeleteCommand.self])
}
