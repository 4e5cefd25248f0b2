import CarrierConfig
import Foundation
import MailCore

/// `carrier mail ADDRESS...`: reads the attachments and the text, composes the
/// message and hands it to the maildrop (`LocalSubmission`). Exit 0 once the
/// message is queued; EX_NOINPUT for an unreadable attachment, EX_USAGE for a bad address.
struct MailSendMode {
    let command: MailCommand
    let settings: CarrierSettings

    func run() throws(CommandFailure) {
        let attachments = try readAttachments()
        let terminal = StandardLineSource()
        var mail = try draft(attachments: attachments)
        if terminal.isInteractive && command.subject == nil {
            mail.subject = terminal.readLine(prompt: "Subject: ") ?? ""
        }
        let body = terminal.isInteractive ? MessageText.read(from: terminal, echoingEndTo: StandardOutputSink())
            : [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        mail.body = body
        if body.isEmpty { Diagnostics.line("Null message body; hope that's ok") }
        _ = try MailSubmission(settings: settings).submit(mail)
    }

    /// The message as the options describe it, without its text.
    func draft(attachments: [MailAttachment]) throws(CommandFailure) -> OutgoingMail {
        let origin = settings.myorigin
        return OutgoingMail(
            from: try command.senderAddress(settings),
            to: try AddressArguments.parse(command.arguments, myorigin: origin),
            cc: try AddressArguments.parse(command.cc, myorigin: origin),
            bcc: try AddressArguments.parse(command.bcc, myorigin: origin),
            subject: command.subject ?? "",
            attachments: attachments)
    }

    /// Every `-a FILE`, read whole; the first unreadable one stops the command.
    func readAttachments() throws(CommandFailure) -> [MailAttachment] {
        var attachments: [MailAttachment] = []
        for path in command.attachments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: path) else {
                throw .noInput("cannot read attachment \(path): \(isDirectory.boolValue ? "is a directory" : String(cString: strerror(errno)))")
            }
            attachments.append(MailAttachment(path: path, content: [UInt8](data)))
        }
        return attachments
    }
}
