import ArgumentParser
import CarrierConfig
import Foundation
import MailCore

/// `carrier sendmail` (also run as `sendmail` through a link): the Postfix /
/// Sendmail command-line interface for programs that send mail. The message
/// goes into the maildrop, so it is accepted even while the server is down.
/// Exit codes follow sysexits(3).
struct SendmailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sendmail",
        abstract: "Send a message read from standard input (Sendmail/Postfix compatible).",
        discussion: "Options: -t -i -oi -f SENDER -r SENDER -F NAME -bs -bv -bp -bi -q -C FILE --config FILE [--] [recipient...]")

    @Argument(parsing: .captureForPassthrough, help: "Sendmail options and recipients.")
    var arguments: [String] = []

    func run() async throws {
        let options: SendmailOptions
        do {
            options = try SendmailOptions.parse(arguments)
        } catch {
            throw CommandFailure.usage("sendmail: \(error)")
        }
        for option in options.ignored { Diagnostics.warning("sendmail: ignoring option \(option)") }
        let loaded = try LoadedConfiguration.load(GlobalOptions(configFile: options.configFile))
        switch options.mode {
        case .deliver:
            try deliver(options, loaded.settings)
        case .smtpSession:
            try StandaloneSMTPSession(settings: loaded.settings).run()
        case .verify:
            try await AddressVerification.report(options.recipients, settings: loaded.settings)
        case .listQueue:
            try await QueueListing.print(settings: loaded.settings)
        case .rebuildAliases:
            var command = NewAliasesCommand()
            command.global = GlobalOptions(configFile: options.configFile)
            try await command.run()
        case .flushQueue:
            try QueueFlush.request(settings: loaded.settings)
        }
    }

    func deliver(_ options: SendmailOptions, _ settings: CarrierSettings) throws {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        guard settings.messageSizeLimit == 0 || input.count <= settings.messageSizeLimit else {
            throw CommandFailure(message: "sendmail: fatal: message file too big (limit \(settings.messageSizeLimit) bytes)",
                                 status: ExitStatus.dataError)
        }
        var message = SendmailInput.message([UInt8](input), ignoreDots: options.ignoreDots)
        var recipients = options.recipients
        if options.extractRecipients {
            let extracted = RecipientExtraction.extract(message)
            recipients += extracted.recipients
            message = extracted.message
        }
        guard !recipients.isEmpty else {
            throw CommandFailure.usage("sendmail: fatal: no recipients specified")
        }
        let sender = options.sender ?? LocalSubmission.defaultSender(settings)
        if MessageHeader.parse(message)["from"] == nil {
            let from = options.fullName.map { "\(EncodedWord.encode($0)) <\(sender)>" } ?? sender
            message = Array("From: \(from)\r\n".utf8) + message
        }
        _ = try LocalSubmission.submit(settings: settings, sender: sender, recipients: recipients, content: message)
    }
}
