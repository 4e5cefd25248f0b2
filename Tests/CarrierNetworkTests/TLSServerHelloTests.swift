@testable import CarrierNetwork
import Testing

@Suite struct TLSServerHelloTests {
    /// A handshake record holding a ServerHello with a session id of `sessionID` bytes.
    static func serverHello(sessionID: Int, suite: UInt16, recordLength: Int? = nil) -> [UInt8] {
        let body = [0x03, 0x03] + [UInt8](repeating: 0xAB, count: 32) + [UInt8(sessionID)]
            + [UInt8](repeating: 0xCD, count: sessionID) + [UInt8(suite >> 8), UInt8(suite & 0xFF), 0x00]
        let handshake = [0x02, 0x00, UInt8(body.count >> 8), UInt8(body.count & 0xFF)] + body
        let length = recordLength ?? handshake.count
        return [0x16, 0x03, 0x03, UInt8(length >> 8), UInt8(length & 0xFF)] + handshake
    }

    @Test(arguments: [0, 1, 32])
    func findsTheSuiteAfterAnySessionID(length: Int) {
        let bytes = Self.serverHello(sessionID: length, suite: 0x1302)
        #expect(TLSServerHello.scan(bytes) == .cipherSuite(0x1302))
    }

    /// Drip-fed: every prefix short of the suite asks for more, never guesses.
    @Test func everyShortPrefixNeedsMoreBytes() {
        let bytes = Self.serverHello(sessionID: 32, suite: 0xC02B)
        let suiteEnd = 5 + 4 + 2 + 32 + 1 + 32 + 2
        for count in 0..<suiteEnd {
            #expect(TLSServerHello.scan(Array(bytes.prefix(count))) == .needMoreBytes, "prefix \(count)")
        }
        #expect(TLSServerHello.scan(Array(bytes.prefix(suiteEnd))) == .cipherSuite(0xC02B))
        #expect(suiteEnd == TLSServerHello.longestPrefix)
    }

    @Test(arguments: [
        [0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28],  // an alert record
        [0x16, 0x03, 0x03, 0x00, 0x04, 0x0B],  // a handshake record starting with a Certificate
    ] as [[UInt8]])
    func otherRecordsAreNotServerHellos(bytes: [UInt8]) {
        #expect(TLSServerHello.scan(bytes) == .notServerHello)
    }

    @Test func aServerHelloSplitAcrossRecordsIsGivenUp() {
        let bytes = Self.serverHello(sessionID: 32, suite: 0x1301, recordLength: 60)
        #expect(TLSServerHello.scan(bytes) == .notServerHello)
    }

    @Test func anOversizedSessionIDIsGivenUp() {
        var bytes = Self.serverHello(sessionID: 32, suite: 0x1301)
        bytes[5 + 4 + 2 + 32] = 33
        #expect(TLSServerHello.scan(bytes) == .notServerHello)
    }

    @Test(arguments: [
        (0x1301, "TLS_AES_128_GCM_SHA256"),
        (0xCCA9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
        (0x1304, "0x1304"),
        (0x00FF, "0x00FF"),
    ] as [(UInt16, String)])
    func cipherSuiteNames(code: UInt16, name: String) {
        #expect(TLSCipherSuiteNames.name(code) == name)
    }
}
