import Testing
@testable import Ingress

/// The queue manager and pickup sleep on a `WakeSignal`: a wait must end at a
/// signal or at its own timeout, and leave nothing behind that would end the
/// next wait early (which once made the queue manager spin after its first wake).
@Suite struct WakeSignalTests {
    @Test func aWaitEndedByASignalLeavesNothingForTheNext() async {
        let signal = WakeSignal()
        signal.signal()
        let clock = ContinuousClock()
        let first = await clock.measure { await signal.wait(timeout: .seconds(30)) }
        #expect(first < .seconds(10))
        let second = await clock.measure { await signal.wait(timeout: .milliseconds(300)) }
        #expect(second >= .milliseconds(300))
    }

    @Test func aSignalWhileWaitingEndsTheWait() async {
        let signal = WakeSignal()
        let clock = ContinuousClock()
        async let waited = clock.measure { await signal.wait(timeout: .seconds(30)) }
        try? await Task.sleep(for: .milliseconds(50))
        signal.signal()
        #expect(await waited < .seconds(10))
        let next = await clock.measure { await signal.wait(timeout: .milliseconds(200)) }
        #expect(next >= .milliseconds(200))
    }

    @Test func aTimeoutEndsTheWaitAndIsNotKept() async {
        let signal = WakeSignal()
        let clock = ContinuousClock()
        let waited = await clock.measure { await signal.wait(timeout: .milliseconds(100)) }
        #expect(waited >= .milliseconds(100))
        #expect(waited < .seconds(10))
        await signal.wait(timeout: .zero)
        let next = await clock.measure { await signal.wait(timeout: .milliseconds(200)) }
        #expect(next >= .milliseconds(200))
    }

    @Test func aSignalSentWhileNobodyWaitsIsKeptForTheNextWait() async {
        let signal = WakeSignal()
        await signal.wait(timeout: .milliseconds(10))
        signal.signal()
        let waited = await ContinuousClock().measure { await signal.wait(timeout: .seconds(30)) }
        #expect(waited < .seconds(10))
    }
}
