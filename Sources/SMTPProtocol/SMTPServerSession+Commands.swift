import MailCore

/// Running parsed commands (RFC 5321 §4.1.1).
extension SMTPServerSession {
    mutating func run(_ command: SMTPCommand, into actions: inout [SMTPServerAction]) {
        if let refusal = sequenceRefusal(command) {
            if case .bdat(let size, let last) = command {
                chunkingRefusal = chunkingRefusal ?? refusal
                startChunk(size: size, last: last, keep: false, into: &actions)
                return
            }
            record(command.verb, refusal, into: &actions)
            return
        }
        switch command {
        case .ehlo(let name):
            hello(name, extended: true, into: &actions)
        case .helo(let name):
            hello(name, extended: false, into: &actions)
        case .mail(let address, let parameters):
            mail(address, parameters, into: &actions)
        case .rcpt(let address, let parameters):
            rcpt(address, parameters, into: &actions)
        case .data:
            send(.startMailInput, into: &actions)
            input = .data(DATAReceiver(maximumMessageSize: configuration.sizeLimit,
                                       maximumLineLength: configuration.maximumTextLineLength))
        case .bdat(let size, let last):
            startChunk(size: size, last: last, keep: true, into: &actions)
        case .rset:
            abortTransaction(into: &actions)
            record("rset", .resetOk, into: &actions)
        case .noop:
            record("noop", .ok, into: &actions)
        case .quit:
            statistics.record("quit", ok: true)
            actions += close(with: .closing(configuration.hostname))
        case .vrfy(let argument):
            if configuration.vrfyEnabled {
                waiting = .verify
                actions.append(.verify(argument))
            } else {
                record("vrfy", .vrfyCannotVerify, into: &actions)
            }
        case .expn:
            record("expn", .notImplemented("Error: EXPN command is disabled"), into: &actions)
        case .help:
            record("help", SMTPReply(214, .init(2, 0, 0), "See RFC 5321 and https://www.postfix.org/ for help"), into: &actions)
        case .startTLS:
            startTLS(into: &actions)
        case .auth(let mechanism, let initialResponse):
            authenticate(mechanism, initialResponse, into: &actions)
        }
    }

    /// RFC 5321 §4.1.4 ordering, from `SMTPCommandTable`.
    func sequenceRefusal(_ command: SMTPCommand) -> SMTPReply? {
        let requirement = SMTPCommandTable.requirement(for: command)
        switch requirement {
        case .none:
            return nil
        case .hello:
            if heloName == nil { return SMTPCommandTable.sequenceError(for: .hello) }
            if case .mail = command, transaction != nil { return .badSequence("Error: nested MAIL command") }
            return nil
        case .mailTransaction:
            if heloName == nil { return SMTPCommandTable.sequenceError(for: .hello) }
            return transaction == nil ? SMTPCommandTable.sequenceError(for: .mailTransaction) : nil
        case .recipients:
            if heloName == nil { return SMTPCommandTable.sequenceError(for: .hello) }
            guard let transaction else { return SMTPCommandTable.sequenceError(for: .mailTransaction) }
            if transaction.recipients.isEmpty { return .needRecipients }
            if case .data = command, chunking != nil { return .badSequence("Error: DATA after BDAT") }
            return nil
        }
    }

    mutating func hello(_ name: String, extended: Bool, into actions: inout [SMTPServerAction]) {
        abortTransaction(into: &actions)
        heloName = name
        isESMTP = extended
        if extended {
            let lines = [configuration.hostname] + configuration.ehloKeywords(tlsActive: tlsActive)
            record("ehlo", SMTPReply(250, nil, lines: lines), into: &actions)
        } else {
            record("helo", SMTPReply(250, nil, configuration.hostname), into: &actions)
        }
    }

    /// RFC 3207: answer 220, drop everything buffered after the command, hand over to TLS.
    mutating func startTLS(into actions: inout [SMTPServerAction]) {
        guard configuration.startTLSAvailable else {
            record("starttls", .notImplemented("Error: command not implemented"), into: &actions)
            return
        }
        guard !tlsActive else {
            record("starttls", SMTPReply(554, .init(5, 5, 1), "Error: TLS already active"), into: &actions)
            return
        }
        record("starttls", SMTPReply(220, .init(2, 0, 0), "Ready to start TLS"), into: &actions)
        buffer.removeAll()
        position = 0
        input = .tlsHandshake
        waiting = .tls
        actions.append(.startTLS)
    }

    /// RFC 4954 §4: checks that AUTH may run now, then hands the exchange to the transport.
    mutating func authenticate(_ mechanism: String, _ initialResponse: String?, into actions: inout [SMTPServerAction]) {
        let refusal: SMTPReply? = if configuration.authMechanisms.isEmpty {
            .badSequence("Error: authentication not enabled")
        } else if configuration.tlsRequired && !tlsActive {
            .mustStartTLS
        } else if configuration.authRequiresTLS && !tlsActive {
            SMTPReply(538, .init(5, 7, 11), "Encryption required for requested authentication mechanism")
        } else if authenticatedUser != nil {
            .badSequence("Error: already authenticated")
        } else if transaction != nil {
            .badSequence("Error: MAIL transaction in progress")
        } else if !configuration.authMechanisms.contains(mechanism.uppercased()) {
            SMTPReply(504, .init(5, 5, 4), "Error: unsupported authentication mechanism")
        } else {
            nil
        }
        if let refusal {
            record("auth", refusal, into: &actions)
            return
        }
        waiting = .sasl
        actions.append(.authenticate(mechanism: mechanism.uppercased(), initialResponse: initialResponse))
    }

    mutating func mail(_ address: EmailAddress?, _ parameters: MailParameters, into actions: inout [SMTPServerAction]) {
        if configuration.tlsRequired && !tlsActive {
            record("mail", .mustStartTLS, into: &actions)
            return
        }
        if configuration.authRequiredForMail && authenticatedUser == nil {
            record("mail", SMTPReply(530, .init(5, 7, 0), "Authentication required"), into: &actions)
            return
        }
        if let size = parameters.size, configuration.maximumMessageSize > 0, size > configuration.maximumMessageSize {
            record("mail", .sizeDeclaredTooBig, into: &actions)
            return
        }
        if let address, address.isInternationalized, !parameters.smtpUTF8 {
            record("mail", .nonASCIIAddressWithoutSMTPUTF8, into: &actions)
            return
        }
        if !isESMTP && parameters != MailParameters() {
            record("mail", .parameterNotImplemented("Error: parameters require EHLO"), into: &actions)
            return
        }
        waiting = .sender(address, parameters)
        actions.append(.checkSender(address, parameters))
    }

    mutating func rcpt(_ address: EmailAddress, _ parameters: RcptParameters, into actions: inout [SMTPServerAction]) {
        guard let transaction else { return }
        if transaction.recipients.count >= configuration.maximumRecipients {
            record("rcpt", .tooManyRecipients, into: &actions)
            return
        }
        if address.isInternationalized, !transaction.parameters.smtpUTF8 {
            record("rcpt", .nonASCIIAddressWithoutSMTPUTF8, into: &actions)
            return
        }
        waiting = .recipient(address, parameters)
        actions.append(.checkRecipient(address, parameters, transaction))
    }

    mutating func startChunk(size: Int, last: Bool, keep: Bool, into actions: inout [SMTPServerAction]) {
        var receiver = chunking ?? BDATReceiver(maximumMessageSize: configuration.sizeLimit)
        receiver.begin(chunk: size)
        guard size == 0 else {
            input = .bdat(receiver, last: last, keep: keep)
            return
        }
        if keep {
            finishChunk(receiver, last: last, keep: keep, into: &actions)
        } else {
            record("bdat", chunkingRefusal ?? .badSequence("Error: need RCPT command"), into: &actions)
        }
    }

    mutating func abortTransaction(into actions: inout [SMTPServerAction]) {
        chunking = nil
        chunkingRefusal = nil
        if transaction != nil {
            transaction = nil
            actions.append(.transactionAborted)
        }
    }
}
