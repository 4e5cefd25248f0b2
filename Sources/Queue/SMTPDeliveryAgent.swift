import CarrierAuth
import CarrierNetwork
import Logging
import MailCore
import NIOConcurrencyHelpers
import NIOCore
import SMTPProtocol

/// Where an SMTP connection gets its messages: `SMTPDeliveryAgent` asks for
/// the next one each time the connection is idle and reports each outcome, so
/// one connection carries many messages to the same destination.
public protocol OutboundMessageFeed: Sendable {
    /// The next message for this connection, or nil to end it with QUIT.
    func next() async -> SMTPOutboundMessage?
    /// The outcome of the message `next` returned last; `relay` is `host[address]:port`.
    func completed(_ result: SMTPOutboundResult, relay: String) async
}

/// Postfix's smtp(8) for one connection: connects, runs the pure
/// `SMTPClientSession` (EHLO, STARTTLS, AUTH, pipelined MAIL/RCPT/DATA or BDAT)
/// and does what it asks — bytes, the TLS upgrade, the SASL client exchange —
/// sending every message its feed gives, then reports how the connection ended
/// so the caller can try the next host or defer.
public struct SMTPDeliveryAgent: Sendable {
    let group: any EventLoopGroup
    /// Logs as `carrier/smtp`.
    let logger: Logger

    public init(group: any EventLoopGroup, logger: Logger) {
        self.group = group
        self.logger = logger
    }

    /// How a connection ended.
    public enum ConnectionOutcome: Sendable {
        /// The feed ran dry and the connection was closed with QUIT.
        case finished
        /// The connection failed; messages in flight were already reported to the feed.
        case failed(SMTPClientFailure)
    }

    /// Connects to `host` (a name or an address) and sends what `feed` gives;
    /// `serverName` is the name TLS checks and logs show (defaults to `host`).
    public func run(_ feed: some OutboundMessageFeed, host: String, port: Int, policy: OutboundPolicy,
                    serverName: String? = nil) async -> ConnectionOutcome {
        let stream: ClientStream
        do {
            stream = try await ClientStream.connect(host: host, port: port, group: group,
                                                    timeout: .seconds(Int64(policy.timeout.components.seconds)))
        } catch {
            return .failed(SMTPClientFailure(reply: nil, reason: "connect to \(serverName ?? host)[\(host)]:\(port): \(error)",
                                             isTemporary: true))
        }
        var run = Conversation(stream: stream, host: serverName ?? host, port: port, policy: policy, feed: feed, logger: logger)
        let outcome = await run.drive()
        await stream.close()
        return outcome
    }

    /// The outcome of sending one message on a connection of its own.
    public enum Outcome: Sendable {
        case completed(SMTPOutboundResult)
        /// The connection failed before the message could be handed over.
        case connectionFailed(SMTPClientFailure)
    }

    /// Delivers one message on a connection of its own.
    public func deliver(_ message: SMTPOutboundMessage, host: String, port: Int, policy: OutboundPolicy,
                        serverName: String? = nil) async -> Outcome {
        let feed = SingleMessageFeed(message: message)
        let outcome = await run(feed, host: host, port: port, policy: policy, serverName: serverName)
        if let result = feed.result.withLockedValue({ $0 }) { return .completed(result) }
        switch outcome {
        case .failed(let failure): return .connectionFailed(failure)
        case .finished: return .connectionFailed(SMTPClientFailure(reply: nil, reason: "connection closed", isTemporary: true))
        }
    }
}

/// A feed of exactly one message, keeping its result.
private final class SingleMessageFeed: OutboundMessageFeed {
    let message: NIOLockedValueBox<SMTPOutboundMessage?>
    let result = NIOLockedValueBox<SMTPOutboundResult?>(nil)

    init(message: SMTPOutboundMessage) {
        self.message = NIOLockedValueBox(message)
    }

    func next() async -> SMTPOutboundMessage? {
        message.withLockedValue { value in
            defer { value = nil }
            return value
        }
    }

    func completed(_ result: SMTPOutboundResult, relay: String) async {
        self.result.withLockedValue { $0 = result }
    }
}

/// The state of one client connection while the session is driven.
private struct Conversation<Feed: OutboundMessageFeed> {
    let stream: ClientStream
    let host: String
    let port: Int
    let policy: OutboundPolicy
    let feed: Feed
    let logger: Logger
    var session: SMTPClientSession
    var sasl: SASLClientExchange?
    var failure: SMTPClientFailure?

    init(stream: ClientStream, host: String, port: Int, policy: OutboundPolicy, feed: Feed, logger: Logger) {
        self.stream = stream
        self.host = host
        self.port = port
        self.policy = policy
        self.feed = feed
        self.logger = logger
        session = SMTPClientSession(configuration: policy.clientConfiguration)
    }

    var relay: String { "\(host)[\(stream.peerAddress)]:\(stream.peerPort)" }

    mutating func drive() async -> SMTPDeliveryAgent.ConnectionOutcome {
        var actions = session.handle(.connected)
        while true {
            var next: [SMTPClientAction] = []
            for action in actions {
                switch action {
                case .send(let bytes):
                    do { try await stream.write(bytes) } catch { return await lost() }
                case .startTLS:
                    next += await startTLS()
                case .authenticate(let mechanism, let challenge):
                    next += authenticate(mechanism, challenge)
                case .ready:
                    if let message = await feed.next() {
                        next += session.handle(.sendMessage(message))
                    } else {
                        next += session.handle(.quit)
                    }
                case .messageResult(let outcome):
                    await feed.completed(outcome, relay: relay)
                case .connectionFailed(let f):
                    failure = f
                case .close:
                    return finish(reason: "connection closed")
                }
            }
            if next.isEmpty {
                guard let event = await readEvent() else { return await lost() }
                next = session.handle(event)
            }
            actions = next
        }
    }

    /// The connection ended under the session: the message in flight is
    /// reported to the feed (deferred), so its recipients are settled.
    mutating func lost() async -> SMTPDeliveryAgent.ConnectionOutcome {
        for action in session.handle(.connectionLost) {
            switch action {
            case .messageResult(let outcome): await feed.completed(outcome, relay: relay)
            case .connectionFailed(let f): failure = f
            default: break
            }
        }
        return finish(reason: "lost connection with \(host)[\(port)]")
    }

    /// A QUIT that was answered, or a close after a failure.
    func finish(reason: String) -> SMTPDeliveryAgent.ConnectionOutcome {
        if let failure { return .failed(failure) }
        return session.hasQuit ? .finished : .failed(SMTPClientFailure(reply: nil, reason: reason, isTemporary: true))
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
