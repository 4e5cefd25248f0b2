@testable import CarrierNetwork
import Testing

@Suite struct DNSMessageParsingTests {
    typealias B = DNSFixtureBytes

    struct Fixture: Sendable, CustomTestStringConvertible {
        var type: Int
        var rdata: [UInt8]
        var expected: DNSRecordData
        var testDescription: String { DNSRecordType(rawValue: UInt16(type)).description }
    }

    static let fixtures: [Fixture] = [
        Fixture(type: 1, rdata: [192, 0, 2, 1], expected: .a(IPv4Address(octets: [192, 0, 2, 1])!)),
        Fixture(type: 28, rdata: [0x20, 0x01, 0x0d, 0xb8] + Array(repeating: 0, count: 11) + [1],
                expected: .aaaa(IPv6Address(octets: [0x20, 0x01, 0x0d, 0xb8] + Array(repeating: 0, count: 11) + [1])!)),
        // exchange "mx" + pointer to "example.test" at offset 12
        Fixture(type: 15, rdata: B.u16(10) + [2] + Array("mx".utf8) + [0xC0, 0x0C],
                expected: .mx(MXRecord(preference: 10, exchange: "mx.example.test"))),
        Fixture(type: 15, rdata: B.u16(0) + [0], expected: .mx(MXRecord(preference: 0, exchange: "."))),
        Fixture(type: 5, rdata: [4] + Array("host".utf8) + [0xC0, 0x0C], expected: .cname("host.example.test")),
        Fixture(type: 2, rdata: [3] + Array("ns1".utf8) + [0xC0, 0x0C], expected: .ns("ns1.example.test")),
        Fixture(type: 16, rdata: [7] + Array("v=spf1 ".utf8) + [4] + Array("-all".utf8), expected: .txt("v=spf1 -all")),
        Fixture(type: 16, rdata: [0], expected: .txt("")),
        Fixture(type: 6, rdata: [2] + Array("ns".utf8) + [0xC0, 0x0C] + [4] + Array("host".utf8) + [0xC0, 0x0C]
                    + [0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 5],
                expected: .soa(SOARecord(primaryServer: "ns.example.test", responsibleMailbox: "host.example.test",
                                         serial: 1, refresh: 2, retry: 3, expire: 4, minimum: 5))),
        Fixture(type: 99, rdata: [1, 2, 3], expected: .other(type: DNSRecordType(rawValue: 99), rdata: [1, 2, 3])),
    ]

    @Test(arguments: fixtures)
    func parsesRecord(_ fixture: Fixture) throws {
        let message = try DNSMessage(parsing: B.response(type: fixture.type, rdata: fixture.rdata))
        #expect(message.header == DNSHeader(id: 0x1234, isResponse: true, recursionDesired: true,
                                            recursionAvailable: true))
        #expect(message.questions == [DNSQuestion(name: "example.test", type: DNSRecordType(rawValue: UInt16(fixture.type)))])
        #expect(message.answers == [DNSRecord(name: "example.test", ttl: 300, data: fixture.expected)])
    }

    @Test func parsesHeaderFlags() throws {
        var bytes = B.response(type: 1, rdata: [1, 2, 3, 4])
        bytes[2] = 0x86 | 0x28 // QR, opcode 5, AA, TC
        bytes[3] = 0x03 // NXDOMAIN
        let header = try DNSMessage(parsing: bytes).header
        #expect(header == DNSHeader(id: 0x1234, isResponse: true, opcode: 5, isAuthoritative: true,
                                    isTruncated: true, responseCode: .nameError))
    }

    static let malformed: [(String, [UInt8])] = [
        ("empty", []),
        ("short header", [0x12, 0x34, 0x81]),
        ("pointer to itself", B.u16(1) + [0x81, 0x80] + B.u16(1) + B.u16(0) + B.u16(0) + B.u16(0)
            + [0xC0, 0x0C, 0, 1, 0, 1]),
        ("two pointers in a loop", B.u16(1) + [0x81, 0x80] + B.u16(1) + B.u16(0) + B.u16(0) + B.u16(0)
            + [0xC0, 0x0E, 0xC0, 0x0C, 0, 1, 0, 1]),
        ("pointer past the end", B.u16(1) + [0x81, 0x80] + B.u16(1) + B.u16(0) + B.u16(0) + B.u16(0)
            + [0xC0, 0xFF, 0, 1, 0, 1]),
        ("label of 64 octets", B.u16(1) + [0x81, 0x80] + B.u16(1) + B.u16(0) + B.u16(0) + B.u16(0)
            + [64] + Array(repeating: 0x61, count: 64) + [0, 0, 1, 0, 1]),
        ("name over 255 octets", B.u16(1) + [0x81, 0x80] + B.u16(1) + B.u16(0) + B.u16(0) + B.u16(0)
            + Array(repeating: [63] + Array(repeating: 0x61, count: 63), count: 5).flatMap { $0 } + [0, 0, 1, 0, 1]),
        ("A of five octets", B.response(type: 1, rdata: [1, 2, 3, 4, 5])),
        ("MX shorter than RDLENGTH", B.response(type: 15, rdata: B.u16(1) + [0, 9])),
        ("TXT string past RDLENGTH", B.response(type: 16, rdata: [5, 0x61]) + [0x61, 0x61, 0x61]),
        ("answer count too high", Array(B.response(type: 1, rdata: [1, 2, 3, 4]).enumerated().map { $0 == 7 ? 2 : $1 })),
    ]

    @Test(arguments: malformed)
    func rejectsMalformed(_ name: String, _ bytes: [UInt8]) {
        #expect(throws: DNSError.self) { try DNSMessage(parsing: bytes) }
    }

    @Test func everyTruncationIsRejected() {
        let whole = B.response(type: 15, rdata: B.u16(10) + [2] + Array("mx".utf8) + [0xC0, 0x0C])
        for length in 0..<whole.count {
            #expect(throws: DNSError.self) { try DNSMessage(parsing: Array(whole[..<length])) }
        }
    }

    @Test func longestChainOfPointersIsFollowed() throws {
        // 128 pointers, each to the previous, ending at "a" + root.
        var bytes = B.u16(1) + [0x81, 0x80] + B.u16(1) + B.u16(0) + B.u16(0) + B.u16(0) + [1, 0x61, 0]
        var previous = 12
        for _ in 0..<DNSLimits.maxPointerJumps {
            let here = bytes.count
            bytes += [0xC0 | UInt8(previous >> 8), UInt8(previous & 0xFF)]
            previous = here
        }
        let question = B.u16(1) + [0x81, 0x80] + B.u16(1) + B.u16(0) + B.u16(0) + B.u16(0)
        let chained = question + [0xC0 | UInt8(previous >> 8), UInt8(previous & 0xFF), 0, 1, 0, 1]
            + bytes[12...]
        // the question's own pointer is the 129th jump
        #expect(throws: DNSError.malformed("too many compression pointers")) { try DNSMessage(parsing: chained) }
        var reader = DNSWireReader(bytes)
        _ = try reader.readBytes(previous)
        #expect(try reader.readName() == "a")
    }

    @Test func escapesOddBytesInLabels() throws {
        let bytes = B.u16(1) + [0x81, 0x80] + B.u16(1) + B.u16(0) + B.u16(0) + B.u16(0)
            + [4, 0x61, 0x2E, 0x00, 0x5C, 0] + B.u16(1) + B.u16(1)
        #expect(try DNSMessage(parsing: bytes).questions[0].name == "a\\.\\000\\\\")
    }
}
