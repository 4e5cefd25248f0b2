import CarrierConfig
import Testing

@Suite struct ListenAddressTests {
    @Test(arguments: [
        ("127.0.0.1:3025", "127.0.0.1", 3025),
        ("[::1]:25", "::1", 25),
        ("[2001:db8::5]:587", "2001:db8::5", 587),
        ("localhost:0", "localhost", 0),
        ("mail.example.com:65535", "mail.example.com", 65535),
        ("0.0.0.0:25", "0.0.0.0", 25),
    ])
    func parsesHostAndPort(text: String, host: String, port: Int) throws {
        let address = try #require(ListenAddress(text))
        #expect(address == ListenAddress(host: host, port: port))
        #expect(address.description == text)
    }

    @Test(arguments: [
        "127.0.0.1:99999", "127.0.0.1:65536", "127.0.0.1", "127.0.0.1:", ":25", "::1:25", "[::1]25",
        "[::1]:", "[::1", "[127.0.0.1]:25", "[nonsense]:25", "host:-1", "host:+25", "host:0x19",
        "a b:25", "[::1]:0000025",
    ])
    func rejectsMalformedAddresses(text: String) {
        #expect(ListenAddress(text) == nil)
    }

    @Test func describesIPv6WithBrackets() {
        #expect(ListenAddress(host: "::1", port: 993).description == "[::1]:993")
    }
}
