import CarrierTesting
import Foundation
import MailCore
@testable import carrier

/// Mailboxes and configurations for the `carrier mail` tests.
enum MailFixtures {
    /// Two messages in mbox form: a new one from Alice and an unread-old one from Bob.
    static let twoMessageMbox = """
        From alice@example.test  Sun Nov 29 09:41:18 2026
        From: Alice <alice@example.test>
        To: carol@example.test
        Subject: Lunch on Friday
        Message-ID: <lunch@example.test>

        Shall we?
        >From the kitchen.

        From bob@example.test  Mon Nov 30 10:00:00 2026
        From: bob@example.test
        Subject: =?utf-8?q?caf=C3=A9?=
        Status: O

        Second.


        """

    /// The messages of `mbox` as the reader loads them.
    static func messages(_ mbox: String) -> [MailboxMessage] {
        let bytes = Array(mbox.utf8)
        return MboxReader.read(bytes).map { MailboxMessage(mboxEntry: Array(bytes[$0.range]), parsed: $0) }
    }

    /// Writes `carrier.cf` in `directory` (data in `directory/data`, spool in
    /// `directory/spool`) and returns its path.
    static func configuration(in directory: TemporaryDirectory) throws -> String {
        let spool = directory.path + "/spool"
        try FileManager.default.createDirectory(atPath: spool, withIntermediateDirectories: true)
        let path = directory.path + "/carrier.cf"
        try """
            myhostname = mx.example.test
            mydestination = $myhostname, localhost, example.test
            data_directory = \(directory.path)/data
            mail_spool_directory = \(spool)

            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// `carrier mail ARGUMENTS --config CONFIG`, parsed.
    static func command(_ arguments: [String], config: String) throws -> MailCommand {
        let parsed = try CarrierCommand.parseAsRoot(["mail"] + arguments + ["--config", config])
        guard let command = parsed as? MailCommand else { throw ReaderError(message: "not a mail command") }
        return command
    }

    /// Runs the reader of `command` with `lines` as its input (typed at a terminal
    /// when `interactive`, else piped); returns what it printed and whether there was mail.
    static func read(_ command: MailCommand, lines: [String], interactive: Bool = false) async throws -> (output: String, hadMail: Bool) {
        let settings = try LoadedConfiguration.load(command.global).settings
        guard let source = try await MailboxLocator.locate(command, settings: settings) else { return ("", false) }
        let sink = RecordingSink()
        let reader = MailReader(source: source, input: ScriptedLines(lines, interactive: interactive), output: sink, width: 80,
                                settings: settings, replyFrom: try command.senderAddress(settings))
        let hadMail = try await reader.run(summaryOnly: command.summaryOnly)
        return (sink.text, hadMail)
    }
}
