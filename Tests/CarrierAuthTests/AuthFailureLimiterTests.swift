import Testing
@testable import CarrierAuth

@Suite struct AuthFailureLimiterTests {
    let clock = FakeClock()

    func limiter(maximumTrackedKeys: Int = 100_000) -> AuthFailureLimiter {
        AuthFailureLimiter(maximumTrackedKeys: maximumTrackedKeys, now: clock.now)
    }

    func fail(_ limiter: AuthFailureLimiter, times: Int, client: String = "192.0.2.1", account: String? = "ann") {
        for _ in 0..<times { limiter.recordFailure(client: client, account: account) }
    }

    @Test func delaysGrowFromTheThirdFailureUpToEightSeconds() {
        let limiter = limiter()
        var delays: [AuthVerdict] = []
        for _ in 0..<8 {
            delays.append(limiter.verdict(client: "192.0.2.1", account: "ann"))
            fail(limiter, times: 1)
        }
        #expect(delays == [.zero, .zero, .zero, .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8)]
            .map { AuthVerdict.allowed(delay: $0) })
    }

    @Test func lockoutAfterTheLimitForClientAndAccount() {
        let limiter = limiter()
        fail(limiter, times: 9)
        #expect(limiter.verdict(client: "192.0.2.1", account: "ann") == .allowed(delay: .seconds(8)))
        clock.advance(.seconds(30))
        fail(limiter, times: 1)
        #expect(limiter.verdict(client: "192.0.2.1", account: "ann") == .lockedOut(remaining: .seconds(600)))
        #expect(limiter.verdict(client: "192.0.2.1", account: "bob") == .lockedOut(remaining: .seconds(600)))
        #expect(limiter.verdict(client: "198.51.100.7", account: "ann") == .lockedOut(remaining: .seconds(600)))
        #expect(limiter.verdict(client: "198.51.100.7", account: "bob") == .allowed(delay: .zero))
    }

    @Test func lockoutExpiresAfterTheLockoutTime() {
        let limiter = limiter()
        fail(limiter, times: 10)
        clock.advance(.seconds(599))
        #expect(limiter.verdict(client: "192.0.2.1", account: "ann") == .lockedOut(remaining: .seconds(1)))
        fail(limiter, times: 5)
        clock.advance(.seconds(1))
        #expect(limiter.verdict(client: "192.0.2.1", account: "ann") == .allowed(delay: .zero))
    }

    @Test func theEndOfALockoutStartsAFreshCount() {
        let limiter = AuthFailureLimiter(lockoutTime: .seconds(60), now: clock.now)
        fail(limiter, times: 10)
        clock.advance(.seconds(60))
        #expect(limiter.verdict(client: "192.0.2.1", account: "ann") == .allowed(delay: .zero))
        fail(limiter, times: 9)
        #expect(limiter.verdict(client: "192.0.2.1", account: "ann") == .allowed(delay: .seconds(8)))
    }

    @Test func failuresOutsideTheWindowAreForgotten() {
        let limiter = limiter()
        fail(limiter, times: 5)
        clock.advance(.seconds(300))
        fail(limiter, times: 4)
        #expect(limiter.verdict(client: "192.0.2.1", account: "ann") == .allowed(delay: .seconds(8)))
        clock.advance(.seconds(300))
        #expect(limiter.verdict(client: "192.0.2.1", account: "ann") == .allowed(delay: .seconds(2)))
        fail(limiter, times: 5)
        #expect(limiter.verdict(client: "192.0.2.1", account: "ann") == .allowed(delay: .seconds(8)))
    }

    @Test func successResetsClientAndAccount() {
        let limiter = limiter()
        fail(limiter, times: 6)
        limiter.recordSuccess(client: "192.0.2.1", account: "ann")
        #expect(limiter.verdict(client: "192.0.2.1", account: "ann") == .allowed(delay: .zero))
        fail(limiter, times: 9)
        #expect(limiter.verdict(client: "192.0.2.1", account: "ann") == .allowed(delay: .seconds(8)))
    }

    @Test func countsSeparatelyPerClientAndPerAccount() {
        let limiter = limiter()
        for index in 0..<10 { limiter.recordFailure(client: "192.0.2.1", account: "user\(index)") }
        #expect(limiter.verdict(client: "192.0.2.1", account: nil) == .lockedOut(remaining: .seconds(600)))
        #expect(limiter.verdict(client: "192.0.2.2", account: "user0") == .allowed(delay: .zero))

        for index in 0..<10 { limiter.recordFailure(client: "203.0.113.\(index)", account: "carol") }
        #expect(limiter.verdict(client: "203.0.113.99", account: "carol") == .lockedOut(remaining: .seconds(600)))
        #expect(limiter.verdict(client: "203.0.113.0", account: "dave") == .allowed(delay: .zero))
        #expect(limiter.verdict(client: "203.0.113.0", account: "Carol") == .lockedOut(remaining: .seconds(600)))
    }

    @Test func failuresWithoutAnAccountCountAgainstTheClientOnly() {
        let limiter = limiter()
        fail(limiter, times: 4, account: nil)
        #expect(limiter.verdict(client: "192.0.2.1", account: "ann") == .allowed(delay: .seconds(2)))
        #expect(limiter.verdict(client: "192.0.2.9", account: "ann") == .allowed(delay: .zero))
    }

    @Test func memoryIsBoundedAndTheOldestAreEvicted() {
        let limiter = limiter(maximumTrackedKeys: 100)
        fail(limiter, times: 10, client: "locked", account: nil)
        for index in 0..<1_000 {
            clock.advance(.milliseconds(1))
            fail(limiter, times: 3, client: "10.0.\(index / 256).\(index % 256)", account: nil)
            #expect(limiter.trackedKeyCount <= 100)
        }
        #expect(limiter.verdict(client: "10.0.0.0", account: nil) == .allowed(delay: .zero))
        #expect(limiter.verdict(client: "10.0.3.231", account: nil) == .allowed(delay: .seconds(1)))
        #expect(limiter.verdict(client: "locked", account: nil) == .lockedOut(remaining: .seconds(599)))
    }

    @Test func idleRecordsAreDroppedFirst() {
        let limiter = limiter(maximumTrackedKeys: 10)
        fail(limiter, times: 1, client: "old", account: nil)
        clock.advance(.seconds(601))
        for index in 0..<10 { fail(limiter, times: 1, client: "new\(index)", account: nil) }
        #expect(limiter.trackedKeyCount == 10)
    }
}
