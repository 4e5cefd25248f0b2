/// The client side of one SMTP connection (RFC 5321 §3-4) as a value-type
/// state machine without I/O: the transport feeds `SMTPClientEvent`s to
/// `handle(_:)` and carries out the `SMTPClientAction`s it returns, and runs
/// the per-stage timers (RFC 5321 §4.5.3.2), feeding `.timeout`.
///
/// The session reads the greeting, says EHLO (HELO when EHLO is refused),
/// upgrades with STARTTLS (RFC 3207) and says EHLO again, authenticates
/// (RFC 4954) through a mechanism-agnostic SASL driver, then sends each
/// message given with `.sendMessage` after a `.ready`, so one connection
/// carries many messages, until `.quit`.
public struct SMTPClientSession: Sendable {
    public let configuration: SMTPClientConfiguration
    /// What the server announced in its last EHLO reply.
    public internal(set) var extensions = SMTPServerExtensions()
    /// True once STARTTLS completed.
    public private(set) var isTLS = false
    /// True once the client said QUIT: the connection ends as intended.
    public private(set) var hasQuit = false
    var stage = Stage.disconnected
    var parser = SMTPReplyParser()
    var transaction: SMTPClientTransaction?

    public init(configuration: SMTPClientConfiguration) {
        self.configuration = configuration
    }

    public mutating func handle(_ event: SMTPClientEvent) -> [SMTPClientAction] {
        switch event {
        case .connected:
            guard stage == .disconnected else { return [] }
            stage = .greeting
            return []
        case .bytes(let bytes):
            return receive(bytes)
        case .tlsEstablished:
            guard stage == .tlsHandshake else { return [] }
            isTLS = true
            extensions = SMTPServerExtensions()
            return sendHello("EHLO", stage: .ehlo)
        case .tlsFailed(let reason):
            guard stage == .tlsHandshake else { return [] }
            return fail(.deferred("Cannot start TLS: handshake failure: \(reason)"), sayQuit: false)
        case .sendMessage(let message):
            return send(message)
        case .saslInitialResponse(let response):
            guard case .saslDriver(let mechanism, initial: true) = stage else { return [] }
            stage = .saslServer(mechanism: mechanism)
            return [.send(Array("AUTH \(mechanism)\(response.map { " " + ($0.isEmpty ? "=" : $0) } ?? "")\r\n".utf8))]
        case .saslClientResponse(let response):
            guard case .saslDriver(let mechanism, initial: false) = stage else { return [] }
            stage = .saslServer(mechanism: mechanism)
            return [.send(Array("\(response)\r\n".utf8))]
        case .saslClientFailed(let reason):
            guard case .saslDriver = stage else { return [] }
            return [.send(Array("*\r\n".utf8))]
                + fail(.deferred("SASL authentication failed: \(reason)"), sayQuit: false)
        case .timeout:
            return timeout()
        case .connectionLost:
            return connectionLost()
        case .quit:
            return quit()
        }
    }

    /// Parses server bytes into replies and handles each; nothing read while a
    /// TLS handshake is pending is ever used (RFC 3207 §4.2).
    private mutating func receive(_ bytes: [UInt8]) -> [SMTPClientAction] {
        guard stage.readsReplies else { return [] }
        parser.append(bytes)
        var actions: [SMTPClientAction] = []
        while stage.readsReplies {
            let reply: SMTPReply
            do {
                guard let next = try parser.next() else { break }
                reply = next
            } catch {
                return actions + fail(.deferred("malformed reply from server (\(error)) \(stage)"), sayQuit: false)
            }
            actions += handle(reply)
        }
        return actions
    }

    private mutating func handle(_ reply: SMTPReply) -> [SMTPClientAction] {
        if reply.code == 421 && stage != .quitting {
            return fail(SMTPClientFailure(reply: reply, reason: "host said: \(reply) \(stage)", isTemporary: true),
                        sayQuit: false)
        }
        switch stage {
        case .greeting, .ehlo, .helo, .startTLS:
            return handshakeReply(reply)
        case .saslServer(let mechanism):
            return authenticationReply(reply, mechanism: mechanism)
        case .transaction:
            return transactionReply(reply)
        case .resetting:
            guard reply.isPositive else { return fail(.rejected(reply, inReplyTo: "RSET"), sayQuit: true) }
            return becomeReady()
        case .quitting:
            stage = .closed
            return [.close]
        case .disconnected, .idle, .tlsHandshake, .saslDriver, .closed:
            return fail(.deferred("unexpected reply from server: \(reply)"), sayQuit: false)
        }
    }

    mutating func becomeReady() -> [SMTPClientAction] {
        stage = .idle
        return [.ready]
    }

    /// Ends the connection: the message in flight (if any) is settled with
    /// `failure`, then `.connectionFailed` and `.close`.
    mutating func fail(_ failure: SMTPClientFailure, sayQuit: Bool) -> [SMTPClientAction] {
        var actions: [SMTPClientAction] = []
        if let transaction {
            actions.append(.messageResult(transaction.result(failure)))
            self.transaction = nil
        }
        if sayQuit { actions.append(.send(Array("QUIT\r\n".utf8))) }
        stage = .closed
        return actions + [.connectionFailed(failure), .close]
    }

    /// A stage timer ran out: the stage fails as a temporary error; an idle
    /// connection is simply ended.
    private mutating func timeout() -> [SMTPClientAction] {
        switch stage {
        case .disconnected, .closed:
            return []
        case .idle:
            stage = .closed
            hasQuit = true
            return [.send(Array("QUIT\r\n".utf8)), .close]
        case .quitting:
            stage = .closed
            return [.close]
        default:
            return fail(.deferred("conversation timed out \(stage)"), sayQuit: false)
        }
    }

    /// The connection is gone: the message in flight (if any) is deferred and
    /// the connection fails, unless QUIT was already said.
    private mutating func connectionLost() -> [SMTPClientAction] {
        switch stage {
        case .closed:
            return []
        case .quitting:
            stage = .closed
            return [.close]
        default:
            return fail(.deferred("lost connection \(stage)"), sayQuit: false)
        }
    }

    private mutating func quit() -> [SMTPClientAction] {
        switch stage {
        case .closed, .quitting:
            return []
        case .disconnected, .tlsHandshake:
            stage = .closed
            return [.close]
        default:
            var actions: [SMTPClientAction] = []
            if let transaction {
                actions.append(.messageResult(transaction.result(.deferred("delivery stopped by request"))))
                self.transaction = nil
            }
            stage = .quitting
            hasQuit = true
            return actions + [.send(Array("QUIT\r\n".utf8))]
        }
    }
}
