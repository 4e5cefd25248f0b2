/// One message's MAIL, RCPT, DATA or BDAT exchange inside an
/// `SMTPClientSession` (RFC 5321 §3.3), pipelined when the server allows
/// (RFC 2920 §3.1: MAIL, every RCPT and DATA in one write, the replies matched
/// in order), else one command per reply.
struct SMTPClientTransaction: Sendable {
    /// The reply the server owes next.
    enum Expected: Equatable, Sendable {
        case mail
        case recipient(Int)
        case data
        case dataEnd
        case bdat
    }

    /// What the session does after a reply.
    enum Step: Equatable, Sendable {
        case send([UInt8])
        case wait
        /// The message is settled; `needsReset` when the server still holds
        /// an open transaction (MAIL accepted, no DATA or BDAT completed).
        case finished(SMTPOutboundResult, needsReset: Bool)
    }

    let message: SMTPOutboundMessage
    let extensions: SMTPServerExtensions
    let pipelined: Bool
    var pending: [Expected] = []
    var mailReply: SMTPReply?
    var recipientReplies: [SMTPReply?]

    init(message: SMTPOutboundMessage, extensions: SMTPServerExtensions, pipelined: Bool) {
        self.message = message
        self.extensions = extensions
        self.pipelined = pipelined
        recipientReplies = Array(repeating: nil, count: message.recipients.count)
    }

    /// The first write: MAIL alone, or the whole pipelined group (BDAT waits
    /// for the RCPT replies so a body is never sent to no recipient).
    mutating func start() -> [UInt8] {
        guard pipelined else {
            pending = [.mail]
            return mailCommand()
        }
        pending = [.mail] + message.recipients.indices.map(Expected.recipient)
        var bytes = mailCommand() + message.recipients.indices.flatMap(recipientCommand)
        if !extensions.chunking {
            pending.append(.data)
            bytes += Array("DATA\r\n".utf8)
        }
        return bytes
    }

    mutating func receive(_ reply: SMTPReply) -> Step {
        switch pending.removeFirst() {
        case .mail:
            mailReply = reply
            if pipelined || !reply.isPositive { return pending.isEmpty ? finish(nil, needsReset: false) : .wait }
            return sendRecipient(0)
        case .recipient(let index):
            recipientReplies[index] = reply
            if !pipelined && index + 1 < message.recipients.count { return sendRecipient(index + 1) }
            return pending.isEmpty ? afterRecipients() : .wait
        case .data:
            return dataReply(reply)
        case .dataEnd where !hasAcceptedRecipients, .bdat where !hasAcceptedRecipients:
            return finish(nil, needsReset: false)
        case .dataEnd:
            return finalReply(reply, command: "end of DATA")
        case .bdat:
            return finalReply(reply, command: "BDAT")
        }
    }

    /// Every pending recipient fails with `failure`; recipients refused at
    /// RCPT keep their own reply.
    func result(_ failure: SMTPClientFailure?, delivered: SMTPReply? = nil) -> SMTPOutboundResult {
        let failure = mailFailure ?? failure
        let recipients = message.recipients.enumerated().map { index, recipient in
            let outcome: SMTPOutboundResult.Outcome
            if mailFailure == nil, let reply = recipientReplies[index], !reply.isPositive {
                outcome = .failed(.rejected(reply, inReplyTo: "RCPT TO"))
            } else if let failure {
                outcome = .failed(failure)
            } else if let delivered {
                outcome = .delivered(delivered)
            } else {
                outcome = .failed(.deferred("no reply to RCPT TO"))
            }
            return SMTPOutboundResult.Recipient(address: recipient.address, outcome: outcome)
        }
        return SMTPOutboundResult(recipients: recipients, messageFailure: failure)
    }

    private var mailFailure: SMTPClientFailure? {
        guard let mailReply, !mailReply.isPositive else { return nil }
        return .rejected(mailReply, inReplyTo: "MAIL FROM")
    }

    private var hasAcceptedRecipients: Bool {
        mailFailure == nil && recipientReplies.contains { $0?.isPositive == true }
    }

    private mutating func sendRecipient(_ index: Int) -> Step {
        pending = [.recipient(index)]
        return .send(recipientCommand(index))
    }

    private mutating func afterRecipients() -> Step {
        guard hasAcceptedRecipients else { return finish(nil, needsReset: mailFailure == nil) }
        if extensions.chunking {
            pending = [.bdat]
            return .send(Array("BDAT \(message.size) LAST\r\n".utf8) + message.body)
        }
        pending = [.data]
        return .send(Array("DATA\r\n".utf8))
    }

    /// A 354 gets the body, or only the end mark when no recipient is left
    /// (a pipelined DATA the server should have refused, RFC 2920 §3.1).
    private mutating func dataReply(_ reply: SMTPReply) -> Step {
        guard reply.code == 354 else {
            guard hasAcceptedRecipients else { return finish(nil, needsReset: mailFailure == nil) }
            return finish(.rejected(reply, inReplyTo: "DATA"), needsReset: true)
        }
        pending = [.dataEnd]
        return .send(hasAcceptedRecipients ? SMTPBodyEncoder.dotStuffed(message.body) : Array(".\r\n".utf8))
    }

    private func finalReply(_ reply: SMTPReply, command: String) -> Step {
        guard reply.isPositive else { return finish(.rejected(reply, inReplyTo: command), needsReset: false) }
        return .finished(result(nil, delivered: reply), needsReset: false)
    }

    private func finish(_ failure: SMTPClientFailure?, needsReset: Bool) -> Step {
        .finished(result(failure), needsReset: needsReset)
    }
}
