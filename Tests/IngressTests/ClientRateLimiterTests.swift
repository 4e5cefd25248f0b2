import NIOConcurrencyHelpers
import Testing
@testable import Ingress

@Suite struct ClientRateLimiterTests {
    final class Clock: Sendable {
        let instant = NIOLockedValueBox(ContinuousClock.now)
        func advance(_ d: Duration) { instant.withLockedValue { $0 += d } }
    }

    @Test func limitsPerClientPerMinute() {
        let clock = Clock()
        let limiter = ClientRateLimiter(connectionLimit: 3, messageLimit: 2) { clock.instant.withLockedValue { $0 } }
        #expect((0..<3).allSatisfy { _ in limiter.admit(.connection, from: "192.0.2.1") })
        #expect(!limiter.admit(.connection, from: "192.0.2.1"))
        #expect(limiter.admit(.connection, from: "192.0.2.2"), "other clients are counted apart")
        #expect(limiter.admit(.message, from: "192.0.2.1") && limiter.admit(.message, from: "192.0.2.1"))
        #expect(!limiter.admit(.message, from: "192.0.2.1"))
        clock.advance(.seconds(61))
        #expect(limiter.admit(.connection, from: "192.0.2.1"))
        #expect(limiter.admit(.message, from: "192.0.2.1"))
    }

    @Test func zeroMeansNoLimit() {
        let limiter = ClientRateLimiter(connectionLimit: 0, messageLimit: 0)
        #expect((0..<1000).allSatisfy { _ in limiter.admit(.connection, from: "x") && limiter.admit(.message, from: "x") })
    }

    @Test func trackedClientsAreBounded() {
        let limiter = ClientRateLimiter(connectionLimit: 1, messageLimit: 1, maximumClients: 10)
        for i in 0..<100 { _ = limiter.admit(.connection, from: "10.0.0.\(i)") }
        #expect(limiter.admit(.connection, from: "10.0.1.1"), "a full table admits rather than failing closed")
    }
}
