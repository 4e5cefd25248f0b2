import CarrierNetwork
import Testing

@Suite struct DNSResolvConfTests {
    @Test func parsesServersAndOptions() {
        let conf = ResolvConf(parsing: """
            # comment
            search example.com
            domain example.com
            nameserver 192.0.2.53
            nameserver\t2001:db8::1
            nameserver not-an-address
            ; another comment
            options ndots:2 timeout:3 attempts:4 rotate
            """)
        #expect(conf.servers == [DNSServerAddress(host: "192.0.2.53"), DNSServerAddress(host: "2001:db8::1")])
        #expect(conf.timeout == .seconds(3))
        #expect(conf.attempts == 4)
    }

    @Test func defaultsWhenEmpty() {
        #expect(ResolvConf(parsing: "") == ResolvConf(servers: [DNSServerAddress(host: "127.0.0.1", port: 53)],
                                                      timeout: .seconds(5), attempts: 2))
        #expect(ResolvConf.load(path: "/nonexistent/resolv.conf") == ResolvConf())
    }

    @Test func clampsOptions() {
        let conf = ResolvConf(parsing: "options timeout:0 attempts:99\noptions timeout:x")
        #expect(conf.timeout == .seconds(1))
        #expect(conf.attempts == 5)
    }

    @Test(arguments: [
        ("127.0.0.1:5353", DNSServerAddress(host: "127.0.0.1", port: 5353)),
        ("192.0.2.1", DNSServerAddress(host: "192.0.2.1", port: 53)),
        ("::1", DNSServerAddress(host: "::1", port: 53)),
        ("[::1]:5353", DNSServerAddress(host: "::1", port: 5353)),
    ])
    func parsesServerAddress(_ text: String, _ expected: DNSServerAddress) {
        #expect(DNSServerAddress(text) == expected)
    }

    @Test(arguments: ["", "127.0.0.1:0", "127.0.0.1:x", "[::1]x", "[::1]:99999"])
    func rejectsServerAddress(_ text: String) {
        #expect(DNSServerAddress(text) == nil)
    }
}
