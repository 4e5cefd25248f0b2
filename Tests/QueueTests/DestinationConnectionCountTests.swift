import CarrierNetwork
import CarrierTesting
import Logging
import NIOConcurrencyHelpers
import NIOPosix
import Testing
@testable import Queue

/// A destination opens no more connections than it has messages waiting,
/// whatever its initial concurrency: one message, one connection (not five
/// that say EHLO and QUIT).
@Suite struct DestinationConnectionCountTests {
    @Test func oneMessageOpensOneConnection() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (server, port) = try await SMTPDeliveryAgentTests.smarthost(dir)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let delivery = DestinationDeliveryTests.delivery(group)
        let policy = OutboundPolicy(ehloName: "client.test", tlsLevel: .encrypt, credentials: ("bob", "s3cret"), timeout: .seconds(10))
        let settled = NIOLockedValueBox<[OutboundDelivery.Result]>([])
        await delivery.deliver(DestinationWork(jobs: [DestinationDeliveryTests.job(1, to: "bob")], initial: 5, limit: 20),
                               to: NextHop(host: "127.0.0.1", port: port, mxLookup: false), policy: policy,
                               concurrency: .init(initial: 5, limit: 20),
                               load: { DestinationDeliveryTests.accepted($0) },
                               settle: { _, _, results in settled.withLockedValue { $0 += results } })
        let results = settled.withLockedValue { $0 }
        #expect(results.count == 1)
        #expect(results.allSatisfy { if case .delivered = $0 { true } else { false } })
        await server.shutdown(gracePeriod: .milliseconds(200))
        let log = try String(contentsOfFile: dir.path + "/log/mail.log", encoding: .utf8)
        #expect(log.components(separatedBy: ": connect from").count - 1 == 1)
        try await group.shutdownGracefully()
    }
}
