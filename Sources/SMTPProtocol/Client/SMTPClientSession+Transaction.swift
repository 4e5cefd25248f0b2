import MailCore

extension SMTPClientSession {
    /// Starts a message on an idle connection after the checks that can refuse
    /// it before a byte is sent: SIZE (RFC 1870 §6) and SMTPUTF8 (RFC 6531 §3.5).
    /// An 8-bit message for a server without 8BITMIME is converted to 7-bit
    /// MIME first, so SIZE announces what is sent.
    mutating func send(_ message: SMTPOutboundMessage) -> [SMTPClientAction] {
        guard stage == .idle else {
            return [.messageResult(Self.failAll(message, .deferred("the connection is not ready for a message")))]
        }
        let message = sevenBitIfNeeded(message)
        if let failure = refusal(of: message) {
            return [.messageResult(Self.failAll(message, failure)), .ready]
        }
        var transaction = SMTPClientTransaction(
            message: message, extensions: extensions, pipelined: configuration.pipelining && extensions.pipelining)
        stage = .transaction
        let bytes = transaction.start()
        self.transaction = transaction
        return [.send(bytes)]
    }

    mutating func transactionReply(_ reply: SMTPReply) -> [SMTPClientAction] {
        guard var transaction else { return fail(.deferred("unexpected reply from server: \(reply)"), sayQuit: false) }
        let step = transaction.receive(reply)
        self.transaction = transaction
        switch step {
        case .send(let bytes):
            return [.send(bytes)]
        case .wait:
            return []
        case .finished(let result, let needsReset):
            self.transaction = nil
            guard needsReset else { return [.messageResult(result)] + becomeReady() }
            stage = .resetting
            return [.messageResult(result), .send(Array("RSET\r\n".utf8))]
        }
    }

    /// RFC 6152 §3: a server that did not announce 8BITMIME must not get
    /// 8-bit octets, so 8-bit MIME parts are re-encoded as quoted-printable
    /// (RFC 2045 §6.7). A message that cannot be made 7-bit (8-bit header
    /// fields, binary parts) is sent as it is, as Postfix does.
    private func sevenBitIfNeeded(_ message: SMTPOutboundMessage) -> SMTPOutboundMessage {
        guard message.isEightBit && !extensions.eightBitMIME else { return message }
        let conversion = SevenBitConversion.convert(message.body)
        guard conversion.isSevenBit else { return message }
        var converted = message
        converted.body = conversion.message
        converted.isEightBit = false
        return converted
    }

    private func refusal(of message: SMTPOutboundMessage) -> SMTPClientFailure? {
        if message.recipients.isEmpty {
            return SMTPClientFailure(reply: nil, reason: "message has no recipients", isTemporary: false)
        }
        if let limit = extensions.size, limit > 0, message.size > limit {
            return SMTPClientFailure(reply: .peerSizeExceeded,
                reason: "message size \(message.size) exceeds size limit \(limit) of server", isTemporary: false)
        }
        if message.needsSMTPUTF8 && !extensions.smtpUTF8 {
            return SMTPClientFailure(reply: .peerLacksSMTPUTF8,
                reason: "SMTPUTF8 is required, but was not offered by host", isTemporary: false)
        }
        return nil
    }

    private static func failAll(_ message: SMTPOutboundMessage, _ failure: SMTPClientFailure) -> SMTPOutboundResult {
        SMTPOutboundResult(recipients: message.recipients.map { .init(address: $0.address, outcome: .failed(failure)) },
                           messageFailure: failure)
    }
}
