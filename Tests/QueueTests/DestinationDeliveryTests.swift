import CarrierAuth
import CarrierConfig
import CarrierNetwork
import CarrierServer
import CarrierStore
import CarrierTesting
import Ingress
import LocalDelivery
import Logging
import MailCore
import NIOConcurrencyHelpers
import NIOPosix
import SMTPProtocol
import Testing
@testable import Queue

/// Connection reuse and per-destination concurrency against a real Carrier peer.
@Suite struct DestinationDeliveryTests {
    static func job(_ n: Int, to user: String) -> OutboundJob {
        let queued = QueuedDelivery(queueID: "Q\(n)", sender: "bob@example.test", arrival: 0, bodyHash: "h\(n)", size: 10,
                                    recipient: "\(user)@example.test", notify: "SUCCESS,FAILURE")
        return OutboundJob(recipients: [queued], addresses: [EmailAddress(localPart: user, domain: "example.test")])
    }

    /// Outbound delivery over `group` with the system resolver.
    static func delivery(_ group: MultiThreadedEventLoopGroup) -> OutboundDelivery {
        OutboundDelivery(agent: SMTPDeliveryAgent(group: group, logger: Logger(label: "smtp")), resolver: DNSResolver.system(group: group))
    }

    static func accepted(_ job: OutboundJob) -> AcceptedMessage {
        AcceptedMessage(queueID: job.queueID, sender: job.entry.sender,
                        content: Array("Subject: \(job.queueID)\r\n\r\nbody of \(job.queueID)\r\n".utf8),
                        metadata: MessageMetadata(), arrival: 0, arrivalInstant: .now)
    }

    /// Twelve messages to one destination with at most two connections: all
    /// delivered, each settled once, and far fewer connections than messages.
    @Test func reusesConnectionsUpToTheConcurrencyLimit() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (server, port) = try await SMTPDeliveryAgentTests.smarthost(dir)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let delivery = Self.delivery(group)
        let policy = OutboundPolicy(ehloName: "client.test", tlsLevel: .encrypt, credentials: ("bob", "s3cret"), timeout: .seconds(10))
        let settled = NIOLockedValueBox<[String: [OutboundDelivery.Result]]>([:])
        let jobs = (1...12).map { Self.job($0, to: "bob") }
        await delivery.deliver(DestinationWork(jobs: jobs, initial: 1, limit: 2),
                               to: NextHop(host: "127.0.0.1", port: port, mxLookup: false), policy: policy,
                               concurrency: .init(initial: 1, limit: 2),
                               load: { Self.accepted($0) },
                               settle: { job, _, results in settled.withLockedValue { $0[job.queueID, default: []] += results } })
        let outcomes = settled.withLockedValue { $0 }
        #expect(outcomes.count == 12)
        #expect(outcomes.values.allSatisfy { $0.count == 1 && { if case .delivered = $0[0] { true } else { false } }($0) })
        let bob = try #require(try await server.store.user(address: "bob"))
        #expect(try await server.store.messages(userID: bob.id, mailbox: "INBOX").count == 12)
        await server.shutdown(gracePeriod: .milliseconds(200))
        let log = try String(contentsOfFile: dir.path + "/log/mail.log", encoding: .utf8)
        let connections = log.components(separatedBy: ": connect from").count - 1
        #expect(connections >= 1 && connections <= 2)
        try await group.shutdownGracefully()
    }

    /// Jobs added while a destination is being delivered to ride its
    /// connections; once it is finished it takes no more.
    @Test func jobsJoinTheWorkInProgressUntilItIsFinished() async {
        let work = DestinationWork(jobs: [Self.job(1, to: "bob")], initial: 1, limit: 2)
        #expect(await work.admit())
        #expect(await work.add([Self.job(2, to: "bob")]))
        #expect(await work.next()?.queueID == "Q1")
        #expect(await work.next()?.queueID == "Q2")
        #expect(await work.next() == nil)
        #expect(await work.leftover().isEmpty)
        #expect(await work.add([Self.job(3, to: "bob")]) == false)
    }

    /// A destination nobody answers for: every job is deferred once, with the
    /// connection failure as the reason, and no more connections are tried
    /// than the initial concurrency.
    @Test func deadDestinationDefersEveryJobOnce() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let delivery = Self.delivery(group)
        let policy = OutboundPolicy(ehloName: "client.test", tlsLevel: .may, timeout: .seconds(5))
        let settled = NIOLockedValueBox<[String: [OutboundDelivery.Result]]>([:])
        await delivery.deliver(DestinationWork(jobs: (1...5).map { Self.job($0, to: "bob") }, initial: 2, limit: 20),
                               to: NextHop(host: "127.0.0.1", port: 1, mxLookup: false),
                               policy: policy, concurrency: .init(initial: 2, limit: 20), load: { Self.accepted($0) },
                               settle: { job, _, results in settled.withLockedValue { $0[job.queueID, default: []] += results } })
        let outcomes = settled.withLockedValue { $0 }
        #expect(outcomes.count == 5)
        for results in outcomes.values {
            guard case .deferred(let reason) = results.first, results.count == 1 else { Issue.record("\(results)"); continue }
            #expect(reason.contains("127.0.0.1"))
        }
        try await group.shutdownGracefully()
    }
}
