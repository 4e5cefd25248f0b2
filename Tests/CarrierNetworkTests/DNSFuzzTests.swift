import CarrierTesting
@testable import CarrierNetwork
import Testing

/// Random and mutated messages: the parser must throw or succeed, never trap.
@Suite struct DNSFuzzTests {
    @Test func randomBytes() {
        var random = SplitMix64(seed: 1035)
        for _ in 0..<4000 {
            let bytes = (0..<Int.random(in: 0...600, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            _ = try? DNSMessage(parsing: bytes)
        }
    }

    @Test func mutatedResponses() throws {
        var random = SplitMix64(seed: 7505)
        let seed = try DNSMessage(parsing: DNSFixtureBytes.response(
            type: 6, rdata: [2, 0x6E, 0x73, 0xC0, 0x0C, 0xC0, 0x0C] + Array(repeating: 1, count: 20)))
        let whole = try seed.encoded()
        var parsed = 0
        for _ in 0..<4000 {
            var bytes = whole
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            if Bool.random(using: &random) { bytes.removeLast(Int.random(in: 0..<bytes.count, using: &random)) }
            if (try? DNSMessage(parsing: bytes)) != nil { parsed += 1 }
        }
        #expect(parsed > 0)
    }

    @Test func pointerSoupStaysFast() {
        // Every byte a pointer: each name gives up after the jump limit.
        let header: [UInt8] = [0, 1, 0x81, 0x80, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0]
        let bytes = header + Array(repeating: [UInt8]([0xC0, 0x0C]), count: 30_000).flatMap { $0 }
        let start = ContinuousClock.now
        #expect(throws: DNSError.self) { try DNSMessage(parsing: bytes) }
        #expect(ContinuousClock.now - start < .seconds(2))
    }
}
