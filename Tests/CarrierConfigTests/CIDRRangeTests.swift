import CarrierConfig
import Testing

@Suite struct CIDRRangeTests {
    @Test(arguments: [
        ("127.0.0.0/8", "127.0.0.1", true),
        ("127.0.0.0/8", "127.255.255.255", true),
        ("127.0.0.0/8", "128.0.0.1", false),
        ("10.1.2.3/16", "10.1.200.1", true),
        ("1.2.3.0/25", "1.2.3.127", true),
        ("1.2.3.0/25", "1.2.3.128", false),
        ("192.168.1.1", "192.168.1.1", true),
        ("192.168.1.1", "192.168.1.2", false),
        ("0.0.0.0/0", "8.8.8.8", true),
        ("[::1]/128", "::1", true),
        ("[::1]/128", "[::1]", true),
        ("::1/128", "::2", false),
        ("::1", "0:0:0:0:0:0:0:1", true),
        ("[2001:db8::]/32", "2001:DB8:ffff::1", true),
        ("2001:db8::/32", "2001:db9::1", false),
        ("fe80::/10", "fe80::1", true),
        ("fe80::/10", "febf::1", true),
        ("fe80::/10", "fec0::1", false),
        ("127.0.0.0/8", "::ffff:127.0.0.1", true),
        ("127.0.0.0/8", "::ffff:7f00:1", true),
        ("127.0.0.0/8", "::ffff:10.0.0.1", false),
        ("127.0.0.0/8", "::1", false),
        ("::1/128", "127.0.0.1", false),
        ("::/0", "::ffff:1.2.3.4", true),
        ("127.0.0.0/8", "localhost", false),
        ("127.0.0.0/8", "127.0.0.1.5", false),
    ])
    func containsAddresses(range: String, address: String, expected: Bool) throws {
        let cidr = try #require(CIDRRange(range))
        #expect(cidr.contains(address) == expected)
    }

    @Test(arguments: [
        "300.1.1.1/8", "1.2.3/8", "1.2.3.4/33", "1.2.3.4/", "1.2.3.4/-1", "/8", "", "01.2.3.4",
        "1.2.3.4.5", "[1.2.3.4", "::1/129", "1::2::3", "12345::", "g::1", ":::1", "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7", "::1.2.3", "1.2.3.4::", "-1::", "localhost",
    ])
    func rejectsMalformedRanges(text: String) {
        #expect(CIDRRange(text) == nil)
    }

    @Test(arguments: [
        ("127.0.0.1/8", "127.0.0.0/8"),
        ("10.0.0.1", "10.0.0.1/32"),
        ("::1", "[::1]/128"),
        ("[::1]/128", "[::1]/128"),
        ("::/0", "[::]/0"),
        ("2001:DB8:0:0:1:0:0:1", "[2001:db8::1:0:0:1]/128"),
        ("1:0:0:2:0:0:0:3", "[1:0:0:2::3]/128"),
        ("1:0:2:3:4:5:6:7", "[1:0:2:3:4:5:6:7]/128"),
        ("1:2:3:4:5:6:7::", "[1:2:3:4:5:6:7:0]/128"),
        ("[::ffff:1.2.3.4]/128", "[::ffff:1.2.3.4]/128"),
        ("fe80::1234/10", "[fe80::]/10"),
    ])
    func describesTheNetworkInPostfixForm(text: String, expected: String) throws {
        #expect(try #require(CIDRRange(text)).description == expected)
    }
}
