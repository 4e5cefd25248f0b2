import CarrierConfig
import Foundation
import Ingress
import SMTPProtocol

/// `sendmail -bs`: an SMTP session on standard input and output, as programs
/// like mutt's `smtp` mode or old MUAs use it. The same session state machine
/// as the network server; accepted messages go into the maildrop, and the
/// recipients are routed (and bounced if unknown) at pickup.
struct StandaloneSMTPSession {
    let settings: CarrierSettings

    func run() throws {
        var configuration = settings.smtpServerConfiguration
        configuration.vrfyEnabled = false
        var session = SMTPServerSession(configuration: configuration)
        if perform(session.start(), &session) { return }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(STDIN_FILENO, &buffer, buffer.count)
            if n <= 0 { return }
            if perform(session.receive(buffer[..<n]), &session) { return }
        }
    }

    /// Runs actions; true when the session is over.
    func perform(_ actions: [SMTPServerAction], _ session: inout SMTPServerSession) -> Bool {
        var queue = actions[...]
        while let action = queue.popFirst() {
            switch action {
            case .send(let reply):
                FileHandle.standardOutput.write(Data(reply.encoded()))
            case .checkSender:
                queue += session.handle(.senderChecked(.senderOk))
            case .checkRecipient:
                queue += session.handle(.recipientChecked(.recipientOk))
            case .verify:
                queue += session.handle(.verified(.vrfyCannotVerify))
            case .deliver(let transaction, let content):
                queue += session.handle(.delivered(submit(transaction, content)))
            case .transactionAborted:
                break
            case .startTLS, .authenticate, .saslResponse:
                // Not offered on standard input: the configuration has no TLS and no AUTH.
                break
            case .close:
                return true
            }
        }
        return false
    }

    func submit(_ transaction: SMTPTransaction, _ content: [UInt8]) -> SMTPReply {
        do {
            let id = try LocalSubmission.submit(settings: settings, sender: transaction.sender?.description ?? "",
                                                recipients: transaction.recipients.map(\.address.description), content: content)
            return SMTPReply(250, .init(2, 0, 0), "Ok: queued as \(id)")
        } catch {
            Diagnostics.line("sendmail: \(error.message)")
            return .localError
        }
    }
}
