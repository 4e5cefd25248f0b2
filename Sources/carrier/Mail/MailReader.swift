import CarrierConfig
import MailCore

/// The reading side of `carrier mail`: prints the header summary, then reads
/// mailx commands (at a `& ` prompt on a terminal, silently from a pipe) and
/// carries them out until `q`, `x` or end of input — which counts as `q`.
///
/// `q` keeps every message not deleted in the mailbox, marked read or old
/// (mailx with `hold` and `keepsave` set: nothing is moved to `~/mbox`, saved
/// messages stay); `x` leaves the mailbox exactly as it was.
struct MailReader {
    let source: any MailboxSource
    let input: any LineSource
    let output: any TextSink
    let width: Int
    let settings: CarrierSettings
    /// The From of replies.
    let replyFrom: MailboxAddress

    /// Runs the session; false when the mailbox has no messages (nothing is printed then).
    func run(summaryOnly: Bool) async throws(CommandFailure) -> Bool {
        let messages = try await source.load()
        guard !messages.isEmpty else { return false }
        var session = ReaderSession(label: source.label, messages: messages)
        guard !summaryOnly else {
            output.write(session.headerLines(width: width))
            return true
        }
        output.write(session.opening(width: width))
        reading: while let line = input.readLine(prompt: "& ") {
            let command: ReaderCommand
            do {
                command = try ReaderCommand.parse(line)
            } catch {
                output.write(error.message + "\n")
                continue
            }
            switch session.perform(command, width: width) {
            case .show(let text): output.write(text)
            case .save(let indices, let file): save(indices, of: &session, to: file)
            case .reply(let index): reply(to: session.messages[index])
            case .quit: break reading
            case .exit: return true
            }
        }
        output.write(try await source.commit(session.dispositions))
        return true
    }

    /// `s`: appends the messages in mbox form, with their read state, to `file`.
    private func save(_ indices: [Int], of session: inout ReaderSession, to file: String) {
        let path = file.hasPrefix("~/") ? MailboxLocator.homeDirectory + file.dropFirst(1) : file
        var entries: [UInt8] = []
        for index in indices {
            let read = session.states[index].isRead(session.messages[index])
            entries += StatusField.set(StatusField.value(read: read), in: session.messages[index].entry)
        }
        do {
            let created = try MboxFile(path: path).append(entries)
            output.write("\"\(file)\" [\(created ? "New file" : "Appended")]\n")
            session.markSaved(indices)
        } catch {
            output.write("\(error.message)\n")
        }
    }

    /// `r`: reads the reply's text and queues it for the message's sender.
    private func reply(to message: MailboxMessage) {
        do throws(ReaderError) {
            var mail = try ReplyDraft.make(replyingTo: message, from: replyFrom, myorigin: settings.myorigin)
            if input.isInteractive {
                output.write("To: \(mail.to.map(AddressArguments.headerText).joined(separator: ", "))\nSubject: \(mail.subject)\n")
            }
            mail.body = MessageText.read(from: input, echoingEndTo: output)
            do {
                _ = try MailSubmission(settings: settings).submit(mail)
            } catch {
                output.write("reply not sent: \(error.message)\n")
            }
        } catch {
            output.write(error.message + "\n")
        }
    }
}
