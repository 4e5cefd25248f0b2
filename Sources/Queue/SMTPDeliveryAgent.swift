import CarrierAuth
import CarrierNetwork
import Logging
import MailCore
import NIOCore
import SMTPProtocol

/// Postfix's smtp(8) for one message and one host: connects, runs the pure
/// `SMTPClientSession` (EHLO, STARTTLS, AUTH, pipelined MAIL/RCPT/DATA or BDAT)
/// and does what it asks — bytes, the TLS upgrade, the SASL client exchange —
/// then returns the per-recipient outcome, or a connection-level failure so the
/// caller can try the next host or defer.
public struct SMTPDeliveryAgent: Sendable {
    let group: any EventLoopGroup
    /// Logs as `carrier/smtp`.
    let logger: Logger

    public init(group: any EventLoopGroup, logger: Logger) {
        self.group = group
        self.logger = logger
    }

    /// The outcome of one attempt.
    public enum Outcome: Sendable {
        case completed(SMTPOutboundResult)
        /// The connection failed before the message could be handed over.
        case connectionFailed(SMTPClientFailure)
    }

    /// Delivers to `host` (a name or an address); `serverName` is the name TLS checks (defaults to `host`).
    public func deliver(_ message: SMTPOutboundMessage, host: String, port: Int, policy: OutboundPolicy,
                        serverName: String? = nil) async -> Outcome {
        let stream: ClientStream
        do {
            stream = try await ClientStream.connect(host: host, port: port, group: group,
                                                    timeout: .seconds(Int64(policy.timeout.components.seconds)))
        } catch {
            return .connectionFailed(SMTPClientFailure(reply: nil, reason: "\(error)", isTemporary: true))
        }
        var run = Conversation(stream: stream, host: serverName ?? host, port: port, policy: policy, message: message, logger: logger)
        let outcome = await run.drive()
        await stream.close()
        return outcome
    }
}

/// The state of one client connection while the session is driven.
private struct Conversation {
    let stream: ClientStream
    let host: String
    let port: Int
    let policy: OutboundPolicy
    let message: SMTPOutboundMessage
    let logger: Logger
    var session: SMTPClientSession
    var sasl: SASLClientExchange?
    var sent = false
    var result: SMTPOutboundResult?
    var failure: SMTPClientFailure?

    init(stream: ClientStream, host: String, port: Int, policy: OutboundPolicy, message: SMTPOutboundMessage, logger: Logger) {
        self.stream = stream
        self.host = host
        self.port = port
        self.policy = policy
        self.message = message
        self.logger = logger
        session = SMTPClientSession(configuration: policy.clientConfiguration)
    }

    mutating func drive() async -> SMTPDeliveryAgent.Outcome {
        var actions = session.handle(.connected)
        while true {
            var next: [SMTPClientAction] = []
            for action in actions {
                switch action {
                case .send(let bytes):
                    do { try await stream.write(bytes) } catch { return finish(reason: "lost connection: \(error)") }
                case .startTLS:
                    next += await startTLS()
                case .authenticate(let mechanism, let challenge):
                    next += authenticate(mechanism, challenge)
                case .ready:
                    if sent {
                        next += session.handle(.quit)
                    } else {
                        sent = true
                        next += session.handle(.sendMessage(message))
                    }
                case .messageResult(let outcome):
                    result = outcome
                case .connectionFailed(let f):
                    failure = f
                case .close:
                    return finish(reason: "connection closed")
                }
            }
            if next.isEmpty {
                guard let event = await readEvent() else { return finish(reason: "lost connection with \(host)[\(port)]") }
                next = session.handle(event)
            }
            actions = next
        }
    }

    func finish(reason: String) -> SMTPDeliveryAgent.Outcome {
        if let result { return .completed(result) }
        return .connectionFailed(failure ?? SMTPClientFailure(reply: nil, reason: reason, isTemporary: true))
    }

    /// The next bytes from the server, or `.timeout`; nil when the server closed.
    func readEvent() async -> SMTPClientEvent? {
        let stream = self.stream
        let timeout = policy.timeout
        return await withTaskGroup(of: SMTPClientEvent?.self) { group in
            group.addTask { (try? await stream.read()).flatMap { $0.map { .bytes($0) } } }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return Task.isCancelled ? nil : .timeout
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    mutating func startTLS() async -> [SMTPClientAction] {
        do {
            let info = try await stream.startTLS(serverName: host, verification: policy.verification(host: host))
            logger.info("\(policy.trustWord) TLS connection established to \(host)[\(stream.peerAddress)]:\(stream.peerPort): \(info.protocolVersion) with cipher \(info.cipherSuite)")
            return session.handle(.tlsEstablished)
        } catch {
            return session.handle(.tlsFailed("\(error)"))
        }
    }

    mutating func authenticate(_ mechanismName: String, _ challenge: String?) -> [SMTPClientAction] {
        guard let credentials = policy.credentials, let mechanism = SASLMechanism(name: mechanismName) else {
            return session.handle(.saslClientFailed("no credentials for \(mechanismName)"))
        }
        guard let challenge else {
            var exchange = SASLClientExchange(mechanism: mechanism, username: credentials.username, password: credentials.password,
                                              clientNonce: SASLServerExchange.randomNonce())
            let initial = exchange.start()
            sasl = exchange
            return session.handle(.saslInitialResponse(initial))
        }
        guard var exchange = sasl else { return session.handle(.saslClientFailed("no SASL exchange in progress")) }
        do {
            let response = try exchange.respond(to: challenge)
            sasl = exchange
            return session.handle(.saslClientResponse(response))
        } catch {
            return session.handle(.saslClientFailed("\(error)"))
        }
    }
}
