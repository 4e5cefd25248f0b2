import CarrierTesting
import Testing
@testable import MailCore

@Suite struct SevenBitConversionTests {
    private func convert(_ text: String) -> SevenBitConversion.Result {
        SevenBitConversion.convert(TestInput.crlf(text))
    }

    private func lines(_ bytes: [UInt8]) -> [Substring] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false)
    }

    @Test func plainEightBitTextBecomesMIMEQuotedPrintable() {
        let result = convert("""
            Subject: menu

            Café crème
            """)
        #expect(result.isSevenBit)
        #expect(result.message == TestInput.crlf("""
            Subject: menu
            MIME-Version: 1.0
            Content-Transfer-Encoding: quoted-printable

            Caf=C3=A9 cr=C3=A8me
            """))
    }

    @Test func eightBitLabelIsReplacedInPlace() {
        let result = convert("""
            MIME-Version: 1.0
            Content-Transfer-Encoding: 8bit
            Content-Type: text/plain; charset=utf-8
            Subject: x

            Grüße

            """)
        #expect(result.isSevenBit)
        #expect(result.message == TestInput.crlf("""
            MIME-Version: 1.0
            Content-Transfer-Encoding: quoted-printable
            Content-Type: text/plain; charset=utf-8
            Subject: x

            Gr=C3=BC=C3=9Fe

            """))
    }

    @Test func multipartKeepsStructureAndConvertsOnlyTheEightBitPart() {
        let result = convert("""
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            preamble stays
            --b1
            Content-Type: text/plain; charset=utf-8

            naïve
            --b1
            Content-Type: application/octet-stream
            Content-Transfer-Encoding: base64

            AAECAwQ=
            --b1--
            epilogue stays
            """)
        #expect(result.isSevenBit)
        #expect(result.message == TestInput.crlf("""
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            preamble stays
            --b1
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            na=C3=AFve
            --b1
            Content-Type: application/octet-stream
            Content-Transfer-Encoding: base64

            AAECAwQ=
            --b1--
            epilogue stays
            """))
    }

    @Test func encapsulatedMessageIsConvertedInsideAndRelabelledSevenBit() {
        let result = convert("""
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary=outer

            --outer
            Content-Type: text/plain

            see attached
            --outer
            Content-Type: message/rfc822
            Content-Transfer-Encoding: 8bit

            Subject: forwarded

            Smørrebrød
            --outer--
            """)
        #expect(result.isSevenBit)
        #expect(result.message == TestInput.crlf("""
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary=outer

            --outer
            Content-Type: text/plain

            see attached
            --outer
            Content-Type: message/rfc822
            Content-Transfer-Encoding: 7bit

            Subject: forwarded
            MIME-Version: 1.0
            Content-Transfer-Encoding: quoted-printable

            Sm=C3=B8rrebr=C3=B8d
            --outer--
            """))
        let parsed = MIMEPart.parse(result.message)
        let inner = parsed.children[1].encapsulatedMessage
        #expect(inner.map { String(decoding: $0.decodedBody(in: result.message), as: UTF8.self) } == "Smørrebrød")
    }

    @Test func longLinesGetSoftBreaksWithinSeventySixCharacters() {
        let line = String(repeating: "é", count: 60) + String(repeating: "x", count: 100)
        let result = convert("Subject: long\n\n\(line)\nshort\n")
        let body = Array(result.message[result.message.firstRange(of: Array("\r\n\r\n".utf8))!.upperBound...])
        let encoded = lines(body)
        #expect(encoded.allSatisfy { $0.utf8.count <= 76 })
        #expect(encoded.dropLast(3).allSatisfy { $0.hasSuffix("=") })
        #expect(encoded.dropLast(2).last?.hasSuffix("=") == false)
        #expect(encoded.suffix(2) == ["short", ""])
        #expect(TransferEncoding.decodeQuotedPrintable(body) == Array("\(line)\r\nshort\r\n".utf8))
    }

    @Test func equalsSignAndTrailingWhiteSpaceAreEscaped() {
        #expect(TransferEncoding.encodeQuotedPrintable(Array("a=b  \r\ntab\t\r\nin side\r\nend ".utf8))
            == Array("a=3Db =20\r\ntab=09\r\nin side\r\nend=20".utf8))
    }

    @Test func whiteSpaceBeforeASoftBreakIsEscaped() {
        let encoded = TransferEncoding.encodeQuotedPrintable(Array((String(repeating: "x", count: 74) + " yz").utf8))
        #expect(encoded == Array((String(repeating: "x", count: 74) + "=\r\n=20yz").utf8))
    }

    @Test func softBreakNeverStartsALineWithADash() {
        let encoded = TransferEncoding.encodeQuotedPrintable(Array((String(repeating: "x", count: 75) + "--b1").utf8))
        #expect(lines(encoded) == [Substring(String(repeating: "x", count: 75) + "="), "=2D-b1"])
    }

    @Test func bareLineBreakOctetsAreEscaped() {
        #expect(TransferEncoding.encodeQuotedPrintable([0x61, 0x0D, 0x62, 0x0A, 0x0D, 0x0A])
            == Array("a=0Db=0A\r\n".utf8))
    }

    @Test(arguments: 0..<40)
    func encodeThenDecodeRoundTrips(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        var data = generator.bytes(count: Int.random(in: 0...600, using: &generator))
        let alphabet = Array(" \t=-.xé\r\n".utf8)
        for index in data.indices where Bool.random(using: &generator) {
            data[index] = alphabet.randomElement(using: &generator)!
        }
        let encoded = TransferEncoding.encodeQuotedPrintable(data)
        #expect(encoded.allSatisfy { $0 < 0x80 })
        #expect(lines(encoded).allSatisfy { $0.utf8.count <= 76 && !$0.contains("\r") && !$0.contains("\n") })
        #expect(TransferEncoding.decodeQuotedPrintable(encoded) == data)
    }

    @Test func sevenBitInputIsReturnedUnchanged() {
        let message = MIMEPartTests.rfc2046Example + TestInput.crlf("\nlong line " + String(repeating: "y", count: 200))
        let result = SevenBitConversion.convert(message)
        #expect(result == SevenBitConversion.Result(message: message, isSevenBit: true))
    }

    @Test func eightBitHeaderCannotBeConverted() {
        let result = convert("""
            Subject: Grüße

            Grüße
            """)
        #expect(!result.isSevenBit)
        #expect(result.message == TestInput.crlf("""
            Subject: Grüße
            MIME-Version: 1.0
            Content-Transfer-Encoding: quoted-printable

            Gr=C3=BC=C3=9Fe
            """))
    }

    @Test(arguments: ["binary", "x-uuencode", "base64"])
    func partsInOtherEncodingsAreLeftAlone(encoding: String) {
        let message = TestInput.crlf("""
            MIME-Version: 1.0
            Content-Transfer-Encoding: \(encoding)

            raw \u{FF} octets
            """)
        #expect(SevenBitConversion.convert(message) == SevenBitConversion.Result(message: message, isSevenBit: false))
    }

    @Test func partWithoutHeaderGetsOneBeforeItsBody() {
        let result = convert("""
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary=b

            --b
            één
            --b--
            """)
        #expect(result.isSevenBit)
        #expect(result.message == TestInput.crlf("""
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Transfer-Encoding: quoted-printable

            =C3=A9=C3=A9n
            --b--
            """))
    }
}
