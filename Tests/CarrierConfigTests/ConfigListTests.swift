import CarrierConfig
import Testing

@Suite struct ConfigListTests {
    @Test(arguments: [
        ("", []),
        ("   ", []),
        ("a", ["a"]),
        ("a, b", ["a", "b"]),
        ("a b\tc", ["a", "b", "c"]),
        (",a,,b ,  , c,", ["a", "b", "c"]),
        ("127.0.0.0/8 [::1]/128", ["127.0.0.0/8", "[::1]/128"]),
        ("hash:/a,\nhash:/b", ["hash:/a", "hash:/b"]),
    ])
    func splitsOnCommasAndWhiteSpace(value: String, expected: [String]) {
        #expect(ConfigList.split(value) == expected)
    }
}
