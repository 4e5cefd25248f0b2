import CarrierAuth
import CarrierConfig
import CarrierServer
import CarrierStore
import CarrierTesting
import Logging
import MailCore
import NIOPosix
import SMTPProtocol
import Testing
@testable import Queue

/// The SMTP client end to end against a real Carrier acting as a smarthost on
/// submission: STARTTLS, AUTH, pipelined delivery; and the failures a sender must
/// defer on.
@Suite struct SMTPDeliveryAgentTests {
    static func smarthost(_ dir: TemporaryDirectory) async throws -> (MailServer, Int) {
        var settings = TestSettings.make(directory: dir.path)
        settings.submissionListen = [ListenAddress(host: "127.0.0.1", port: 0)]
        let writer = try MailLogWriter(logPath: settings.maillogFile, errorPath: settings.maillogErrorFile,
                                       hostname: settings.myhostname, syslogName: "carrier", echoToStandardError: false)
        let server = try MailServer(settings: settings, logWriter: writer, threads: 1)
        _ = try await server.store.createUser(address: "bob", passwordHash: PasswordHash.make(password: "s3cret", iterations: 4096).description,
                                              isAdmin: false)
        try await server.start()
        return (server, try #require(server.boundPorts.last?.first))
    }

    func message(to recipient: String) -> SMTPOutboundMessage {
        SMTPOutboundMessage(sender: EmailAddress(localPart: "bob", domain: "example.test"),
                            recipients: [.init(address: EmailAddress(localPart: recipient, domain: "example.test"), parameters: RcptParameters())],
                            body: Array("Subject: relayed\r\n\r\nhello through the smarthost\r\n".utf8))
    }

    @Test func deliversThroughSTARTTLSAndAUTH() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (server, port) = try await Self.smarthost(dir)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let agent = SMTPDeliveryAgent(group: group, logger: Logger(label: "smtp"))
        let policy = OutboundPolicy(ehloName: "client.test", tlsLevel: .encrypt, credentials: ("bob", "s3cret"), timeout: .seconds(10))
        guard case .completed(let result) = await agent.deliver(message(to: "bob"), host: "127.0.0.1", port: port, policy: policy) else {
            Issue.record("not delivered")
            return
        }
        #expect(result.messageFailure == nil)
        guard case .delivered(let reply) = result.recipients.first?.outcome else { Issue.record("recipient not delivered"); return }
        #expect(reply.code == 250)
        let bob = try #require(try await server.store.user(address: "bob"))
        let stored = try await server.store.messages(userID: bob.id, mailbox: "INBOX")
        #expect(stored.count == 1)
        await server.shutdown(gracePeriod: .milliseconds(200))
        let log = try String(contentsOfFile: dir.path + "/log/mail.log", encoding: .utf8)
        #expect(log.contains("sasl_username=bob"))
        try await group.shutdownGracefully()
    }

    @Test func wrongPasswordIsATemporaryConnectionFailure() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (server, port) = try await Self.smarthost(dir)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let agent = SMTPDeliveryAgent(group: group, logger: Logger(label: "smtp"))
        let policy = OutboundPolicy(ehloName: "client.test", tlsLevel: .encrypt, credentials: ("bob", "wrong"), timeout: .seconds(10))
        guard case .connectionFailed(let failure) = await agent.deliver(message(to: "bob"), host: "127.0.0.1", port: port, policy: policy) else {
            Issue.record("a wrong password must not deliver")
            return
        }
        #expect(failure.isTemporary)
        #expect(failure.reason.contains("535"))
        await server.shutdown(gracePeriod: .milliseconds(200))
        try await group.shutdownGracefully()
    }

    @Test func verifyFailsAgainstAnUntrustedCertificate() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (server, port) = try await Self.smarthost(dir)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let agent = SMTPDeliveryAgent(group: group, logger: Logger(label: "smtp"))
        let policy = OutboundPolicy(ehloName: "client.test", tlsLevel: .verify, caFile: nil, credentials: ("bob", "s3cret"),
                                    timeout: .seconds(10))
        guard case .connectionFailed(let failure) = await agent.deliver(message(to: "bob"), host: "127.0.0.1", port: port, policy: policy) else {
            Issue.record("a self-signed certificate must not pass verification")
            return
        }
        #expect(failure.isTemporary)
        await server.shutdown(gracePeriod: .milliseconds(200))
        try await group.shutdownGracefully()
    }

    @Test func refusedConnectionIsTemporary() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let agent = SMTPDeliveryAgent(group: group, logger: Logger(label: "smtp"))
        let policy = OutboundPolicy(ehloName: "client.test", tlsLevel: .may, timeout: .seconds(5))
        guard case .connectionFailed(let failure) = await agent.deliver(message(to: "bob"), host: "127.0.0.1", port: 1, policy: policy) else {
            Issue.record("nothing listens on port 1")
            return
        }
        #expect(failure.isTemporary)
        try await group.shutdownGracefully()
    }
}
