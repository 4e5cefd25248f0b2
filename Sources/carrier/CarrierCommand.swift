import ArgumentParser

/// The `carrier` executable: the server and its administration commands.
@main
struct CarrierCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carrier",
        abstract: "Carrier mail system: SMTP, local delivery, IMAP and POP3 in one binary",
        subcommands: [
            ServeCommand.self,
            ReloadCommand.self,
            ConfigCommand.self,
            UserCommand.self,
            NewAliasesCommand.self,
            PostmapCommand.self,
            SendmailCommand.self,
            MailqCommand.self,
            PostqueueCommand.self,
            PostsuperCommand.self,
            StartCommand.self,
            StopCommand.self,
            StatusCommand.self,
            InstallCommand.self,
            LocalDeliveryHelperCommand.self,
            MailCommand.self,
        ])

    /// Parses and runs a subcommand (chosen by the program name when run through
    /// a link such as `sendmail`); a `CommandFailure` is printed as `carrier: ...`
    /// with its exit status, anything else as ArgumentParser reports it.
    static func main() async {
        do {
            let arguments = MultiCallName.arguments(programPath: CommandLine.arguments[0],
                                                    arguments: Array(CommandLine.arguments.dropFirst()))
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            Diagnostics.line(failure.message)
            exit(withError: ExitCode(failure.status))
        } catch {
            exit(withError: error)
        }
    }
}
