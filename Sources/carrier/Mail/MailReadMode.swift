import ArgumentParser
import CarrierConfig
import Foundation

/// `carrier mail` without recipients: opens the mailbox `MailboxLocator`
/// chooses and runs `MailReader` on the terminal or on piped commands. With no
/// messages it says `No mail for USER` (`No mail in FILE` with `-f`) and exits
/// 1, as mailx does.
struct MailReadMode {
    let command: MailCommand
    let settings: CarrierSettings

    func run() async throws {
        let source = try await MailboxLocator.locate(command, settings: settings)
        if let source {
            let reader = MailReader(source: source, input: StandardLineSource(), output: StandardOutputSink(),
                                    width: TerminalWidth.current(), settings: settings,
                                    replyFrom: try command.senderAddress(settings))
            if try await reader.run(summaryOnly: command.summaryOnly) { return }
        }
        let whose = command.readFile ? "in \(source?.label ?? "")" : "for \(MailboxLocator.userName(command))"
        FileHandle.standardError.write(Data("No mail \(whose)\n".utf8))
        throw ExitCode(ExitStatus.failure)
    }
}
