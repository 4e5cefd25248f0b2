import CarrierTesting
import Testing
@testable import MailCore

@Suite struct TransferEncodingTests {
    @Test(arguments: [
        ("", ""), ("Zg==", "f"), ("Zm8=", "fo"), ("Zm9v", "foo"), ("Zm9vYg==", "foob"),
        ("Zm9vYmE=", "fooba"), ("Zm9vYmFy", "foobar"),
        ("Zm9v\r\nYmFy\r\n", "foobar"), ("Zm 9v*Ym!Fy", "foobar"), ("Zm9vYg", "foob"),
        ("Zg==Zg==", "ff"), ("Z", ""), ("====", ""),
    ])
    func decodesBase64Leniently(encoded: String, decoded: String) {
        #expect(TransferEncoding.decodeBase64(Array(encoded.utf8)) == Array(decoded.utf8))
    }

    @Test(arguments: [0, 1, 2, 3, 56, 57, 58, 200, 1_000])
    func base64RoundTripsWithLineLimit(count: Int) {
        var generator = SplitMix64(seed: UInt64(count))
        let data = generator.bytes(count: count)
        let encoded = TransferEncoding.encodeBase64(data)
        let lines = encoded.split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.utf8.count == 76 })
        #expect(TransferEncoding.decodeBase64(Array(encoded.utf8)) == data)
    }

    @Test(arguments: [(10, 8), (4, 4), (0, Int.max), (-1, Int.max)])
    func base64LineLengthRoundsDownToQuantum(requested: Int, actual: Int) {
        let encoded = TransferEncoding.encodeBase64([UInt8](repeating: 7, count: 30), lineLength: requested)
        let longest = encoded.split(separator: "\r\n").map(\.utf8.count).max() ?? 0
        #expect(longest == min(actual, 40))
    }

    @Test(arguments: [
        ("caf=C3=A9", "café"), ("caf=c3=a9", "café"),
        ("soft=\r\nbreak", "softbreak"), ("soft=  \r\nbreak", "softbreak"), ("soft=\nbreak", "softbreak"),
        ("trailing   \r\nspace\t\r\n", "trailing\r\nspace\r\n"), ("end  ", "end"),
        ("keep=20\r\n", "keep \r\n"), ("a = b", "a = b"), ("bad=ZZ", "bad=ZZ"), ("cut=4", "cut=4"), ("last=", "last"),
        ("=3D=3D", "=="),
        // RFC 2045 §6.7 rule (5): "Now's the time =" keeps its space before the soft break.
        ("Now's the time =\r\nfor all folk", "Now's the time for all folk"), ("a =\r\nb", "a b"),
    ])
    func decodesQuotedPrintable(encoded: String, decoded: String) {
        #expect(TransferEncoding.decodeQuotedPrintable(Array(encoded.utf8)) == Array(decoded.utf8))
    }
}
