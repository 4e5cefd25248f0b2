import MailCore

/// The server side of one SMTP connection as a pure state machine (RFC 5321).
///
/// The transport feeds it raw bytes (`receive`) and answers to the actions it
/// asks for (`handle`); it returns the actions to run, in order. While it waits
/// for an answer it keeps further pipelined input (RFC 2920) buffered and
/// resumes with it once the answer arrives.
public struct SMTPServerSession: Sendable {
    /// What kind of input comes next.
    enum Input: Sendable {
        case command
        case data(DATAReceiver)
        case bdat(BDATReceiver, last: Bool, keep: Bool)
        /// A line of a SASL exchange (RFC 4954 §4).
        case sasl
        /// The rest of an over-long SASL line, skipped up to its end.
        case saslOverflow
        /// STARTTLS was answered; nothing is read until the handshake is done.
        case tlsHandshake
    }

    /// An answer the session is waiting for.
    enum Waiting: Sendable {
        case sender(EmailAddress?, MailParameters)
        case recipient(EmailAddress, RcptParameters)
        case verify
        case delivery(verb: String)
        case sasl
        case tls
    }

    public let configuration: SMTPServerConfiguration
    public internal(set) var heloName: String?
    public internal(set) var isESMTP = false
    public internal(set) var statistics = SMTPCommandStatistics()
    public internal(set) var isClosed = false
    public internal(set) var transaction: SMTPTransaction?
    /// True once TLS is active (after STARTTLS, or from the start on implicit TLS).
    public internal(set) var tlsActive: Bool
    /// The SASL authentication id after a successful AUTH (RFC 4954).
    public internal(set) var authenticatedUser: String?
    /// The last command verb received, uppercase, for `lost connection after DATA` logs.
    public internal(set) var lastCommandVerb: String?
    /// The BDAT chunks so far, kept across chunks until LAST.
    var chunking: BDATReceiver?
    var chunkingRefusal: SMTPReply?
    var input: Input = .command
    var waiting: Waiting?
    var framer: SMTPCommandFramer
    var buffer: [UInt8] = []
    var position = 0
    var errorCount = 0

    public init(configuration: SMTPServerConfiguration) {
        self.configuration = configuration
        self.framer = SMTPCommandFramer(maximumLineLength: configuration.maximumExtendedCommandLineLength - 2)
        self.saslFramer = SMTPCommandFramer(maximumLineLength: configuration.maximumSASLLineLength)
        self.tlsActive = configuration.tlsFromStart
    }

    var saslFramer: SMTPCommandFramer

    /// The greeting (RFC 5321 §4.3.1).
    public mutating func start() -> [SMTPServerAction] {
        [.send(SMTPReply(220, nil, configuration.banner))]
    }

    /// Bytes from the client.
    public mutating func receive(_ bytes: some Collection<UInt8>) -> [SMTPServerAction] {
        guard !isClosed else { return [] }
        if case .tlsHandshake = input { return [] }
        buffer.append(contentsOf: bytes)
        return process()
    }

    /// Input bytes held but not yet processed (pipelined behind a pending answer).
    public var bufferedByteCount: Int { buffer.count - position }

    /// An answer to an earlier action, or a condition from the transport.
    public mutating func handle(_ event: SMTPServerEvent) -> [SMTPServerAction] {
        guard !isClosed else { return [] }
        var actions: [SMTPServerAction] = []
        switch (event, waiting) {
        case (.timedOut, _):
            return close(with: .timeout(configuration.hostname))
        case (.shutdown, _):
            return close(with: .serviceUnavailable(configuration.hostname, "Service shutting down, closing transmission channel"))
        case (.senderChecked(let reply), .sender(let address, let parameters)?):
            waiting = nil
            if reply.isPositive {
                transaction = SMTPTransaction(sender: address, parameters: parameters,
                                              protocolName: protocolName(parameters), heloName: heloName ?? "")
            }
            record("mail", reply, into: &actions)
        case (.recipientChecked(let reply), .recipient(let address, let parameters)?):
            waiting = nil
            if reply.isPositive {
                transaction?.recipients.append(.init(address: address, parameters: parameters))
            }
            record("rcpt", reply, into: &actions)
        case (.verified(let reply), .verify?):
            waiting = nil
            record("vrfy", reply, into: &actions)
        case (.delivered(let reply), .delivery(let verb)?):
            waiting = nil
            transaction = nil
            record(verb, reply, into: &actions)
        case (.tlsEstablished, .tls?):
            waiting = nil
            input = .command
            tlsActive = true
            heloName = nil
            isESMTP = false
            buffer.removeAll()
            position = 0
        case (.saslChallenge(let text), .sasl?):
            waiting = nil
            input = .sasl
            actions.append(.send(SMTPReply(334, nil, text)))
        case (.authenticated(let user), .sasl?):
            waiting = nil
            input = .command
            authenticatedUser = user
            record("auth", SMTPReply(235, .init(2, 7, 0), "Authentication successful"), into: &actions)
        case (.authenticationFailed(let reply), .sasl?):
            waiting = nil
            input = .command
            record("auth", reply, into: &actions)
        default:
            return []
        }
        return actions + process()
    }

    /// The reply for `reply`, counted in the statistics and the error limit.
    mutating func record(_ verb: String, _ reply: SMTPReply, into actions: inout [SMTPServerAction]) {
        statistics.record(verb, ok: reply.isPositive)
        send(reply, into: &actions)
    }

    mutating func send(_ reply: SMTPReply, into actions: inout [SMTPServerAction]) {
        actions.append(.send(reply))
        guard reply.code >= 400 else { return }
        errorCount += 1
        if errorCount >= configuration.hardErrorLimit {
            actions += close(with: .tooManyErrors(configuration.hostname))
        }
    }

    mutating func close(with reply: SMTPReply) -> [SMTPServerAction] {
        isClosed = true
        var actions: [SMTPServerAction] = [.send(reply)]
        if transaction != nil {
            transaction = nil
            actions.append(.transactionAborted)
        }
        actions.append(.close)
        return actions
    }

    /// Postfix's `proto=` and Received `with`: SMTP, ESMTP or UTF8SMTP, then `S`
    /// with TLS and `A` when authenticated (RFC 3848).
    func protocolName(_ parameters: MailParameters) -> String {
        let base = parameters.smtpUTF8 ? "UTF8SMTP" : (isESMTP ? "ESMTP" : "SMTP")
        return base + (tlsActive ? "S" : "") + (authenticatedUser != nil ? "A" : "")
    }
}
