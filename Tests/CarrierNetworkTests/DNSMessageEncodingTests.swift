@testable import CarrierNetwork
import Testing

@Suite struct DNSMessageEncodingTests {
    @Test func encodesQueryWithEDNS0() throws {
        let bytes = try DNSMessage.query(id: 0xBEEF, question: DNSQuestion(name: "example.test.", type: .mx)).encoded()
        #expect(bytes == [0xBE, 0xEF, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 1]
            + DNSFixtureBytes.exampleTest + [0, 15, 0, 1]
            + [0, 0, 41, 0x04, 0xD0, 0, 0, 0, 0, 0, 0])
    }

    @Test func roundTripsEveryRecordType() throws {
        let records: [DNSRecordData] = [
            .a(IPv4Address(octets: [127, 0, 0, 1])!),
            .aaaa(IPv6Address(octets: Array(repeating: 0, count: 15) + [1])!),
            .mx(MXRecord(preference: 5, exchange: "mx.Example.test")),
            .mx(MXRecord(preference: 0, exchange: ".")),
            .cname("target.test"), .ns("ns.test"),
            .txt(String(repeating: "x", count: 600)),
            .soa(SOARecord(primaryServer: "ns.test", responsibleMailbox: "host\\.master.test", serial: 7,
                           refresh: 8, retry: 9, expire: 10, minimum: 11)),
            .other(type: DNSRecordType(rawValue: 257), rdata: [0, 5, 0x69, 0x73, 0x73, 0x75, 0x65]),
        ]
        let message = DNSMessage(
            header: DNSHeader(id: 7, isResponse: true, opcode: 2, isAuthoritative: true, isTruncated: true,
                              recursionDesired: true, recursionAvailable: true, responseCode: .refused),
            questions: [DNSQuestion(name: "Example.test", type: .any255)],
            answers: records.map { DNSRecord(name: "example.test", ttl: 60, data: $0) },
            authorities: [DNSRecord(name: "test", ttl: 1, data: .ns("a.b"))],
            additionals: [DNSRecord(name: ".", recordClass: 1232, ttl: 0, data: .other(type: .opt, rdata: []))])
        #expect(try DNSMessage(parsing: message.encoded()) == message)
    }

    @Test(arguments: ["a..test", ".test", String(repeating: "a", count: 64) + ".test",
                      Array(repeating: String(repeating: "a", count: 63), count: 4).joined(separator: "."), "a\\0"])
    func rejectsBadNames(_ name: String) {
        #expect(throws: DNSError.self) { try DNSMessage.query(id: 1, question: DNSQuestion(name: name, type: .a)).encoded() }
    }

    @Test(arguments: ["example.test", "EXAMPLE.test.", "a\\.b.test", "\\000x.test", "."])
    func namesSurviveTheWire(_ name: String) throws {
        let bytes = try DNSMessage.query(id: 1, question: DNSQuestion(name: name, type: .a)).encoded()
        let parsed = try DNSMessage(parsing: bytes).questions[0].name
        #expect(DNSName.normalized(parsed) == DNSName.normalized(name))
    }
}

extension DNSRecordType {
    static let any255 = DNSRecordType(rawValue: 255)
}

@Suite struct DNSAddressTextTests {
    @Test(arguments: [
        ([UInt8](repeating: 0, count: 15) + [1], "::1"),
        ([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1], "2001:db8::1:0:0:1"),
        ([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1], "2001:db8:0:1:1:1:1:1"),
        ([UInt8](repeating: 0, count: 16), "::"),
    ])
    func formatsIPv6(_ octets: [UInt8], _ text: String) {
        #expect(IPv6Address(octets: octets)?.description == text)
    }
}
