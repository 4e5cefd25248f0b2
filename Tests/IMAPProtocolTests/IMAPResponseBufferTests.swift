import Testing
@testable import IMAPProtocol

/// Numbers written digit by digit, and many responses appended to one
/// buffer, give the same octets as each response encoded alone.
@Suite struct IMAPResponseBufferTests {
    static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: [0, 7, 10, 99, 100, 4_294_967_295, 18_446_744_073_709_551_615] as [UInt64])
    func numbersAreDecimal(value: UInt64) {
        var writer = IMAPResponseWriter(utf8: false)
        writer.number(value)
        #expect(Self.text(writer.bytes) == String(value))
    }

    @Test func negativeNumbersKeepTheirSign() {
        var writer = IMAPResponseWriter(utf8: false)
        writer.number(-42)
        #expect(Self.text(writer.bytes) == "-42")
    }

    @Test func fetchOfFlagsAndNumbers() {
        let response = IMAPResponse.untagged(.fetch(4_294_967_295, [.uid(0), .flags([]), .modSeq(18_446_744_073_709_551_615),
                                                                      .rfc822Size(10), .flags([.seen, .keyword("$Junk"), .extension("X")])]))
        #expect(Self.text(IMAPResponseEncoder().encode(response))
            == "* 4294967295 FETCH (UID 0 FLAGS () MODSEQ (18446744073709551615) RFC822.SIZE 10 FLAGS (\\Seen $Junk \\X))\r\n")
        #expect(Self.text(IMAPResponseEncoder().encode(.untagged(.fetch(1, [])))) == "* 1 FETCH ()\r\n")
    }

    @Test func appendingMatchesEncodingEachAlone() {
        let encoder = IMAPResponseEncoder(utf8: true)
        let responses: [IMAPResponse] = (1...300).map { .untagged(.fetch(UInt32($0), [.uid(UInt32($0 * 7)), .flags([.answered])])) }
            + [.untagged(.exists(300)), .untagged(.expunge(2)), .untagged(.search([1, 20, 300])),
               .tagged(tag: "a1", .ok, text: "FETCH completed")]
        var buffer = Array("prefix ".utf8)
        for response in responses { encoder.encode(response, into: &buffer) }
        let alone = responses.flatMap { encoder.encode($0) }
        #expect(buffer == Array("prefix ".utf8) + alone)
        #expect(encoder.encode(responses) == alone)
        #expect(Self.text(alone).hasSuffix("* 300 FETCH (UID 2100 FLAGS (\\Answered))\r\n* 300 EXISTS\r\n* 2 EXPUNGE\r\n"
            + "* SEARCH 1 20 300\r\na1 OK FETCH completed\r\n"))
    }
}
