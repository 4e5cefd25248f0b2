/// Hand-built DNS wire bytes for parser tests (RFC 1035 §4.1).
enum DNSFixtureBytes {
    /// "example.test" in wire form; at offset 12 in every fixture message.
    static let exampleTest: [UInt8] = [7] + Array("example".utf8) + [4] + Array("test".utf8) + [0]

    static func u16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }

    /// A response to "example.test" `type` IN, with one answer record owned by
    /// a pointer to the question name and carrying `rdata`.
    static func response(type: Int, rdata: [UInt8], id: Int = 0x1234) -> [UInt8] {
        u16(id) + [0x81, 0x80] + u16(1) + u16(1) + u16(0) + u16(0)
            + exampleTest + u16(type) + u16(1)
            + [0xC0, 0x0C] + u16(type) + u16(1) + [0, 0, 0x01, 0x2C] + u16(rdata.count) + rdata
    }
}
