import Testing
@testable import MailCore

@Suite struct MessageHeaderTests {
    @Test(arguments: ["\r\n", "\n"])
    func splitsHeaderFromBody(lineBreak: String) {
        let text = "From: a@b.test\nSubject: Hi\n\nBody line\n".replacingLF(with: lineBreak)
        let header = MessageHeader.parse(Array(text.utf8))
        #expect(header.fields.map(\.name) == ["From", "Subject"])
        #expect(header["subject"] == "Hi")
        #expect(header.hasBodySeparator)
        let expectedHeaderSize = ("From: a@b.test" + lineBreak + "Subject: Hi" + lineBreak).utf8.count
        #expect(header.headerByteCount == expectedHeaderSize)
        #expect(header.bodyOffset == expectedHeaderSize + lineBreak.utf8.count)
        #expect(Array(text.utf8)[header.bodyOffset...].elementsEqual("Body line\(lineBreak)".utf8))
    }

    @Test func unfoldsFoldedFieldsAndKeepsRawValue() {
        let header = MessageHeader.parse(TestInput.crlf("Subject: This\n is a test\n\tvalue  \n\n"))
        let field = header.fields[0]
        #expect(field.value == "This is a test\tvalue")
        #expect(field.rawValue == " This\r\n is a test\r\n\tvalue  ")
        #expect(field.byteRange == 0..<header.headerByteCount)
    }

    @Test func lookupIgnoresCaseAndKeepsOrder() {
        let header = MessageHeader.parse(TestInput.crlf("Received: one\nX-A: 1\nRECEIVED: two\n\n"))
        #expect(header.fields(named: "received").map(\.value) == ["one", "two"])
        #expect(header["rEcEiVeD"] == "one")
        #expect(header["missing"] == nil)
    }

    @Test func acceptsObsoleteWhitespaceBeforeColon() {
        let header = MessageHeader.parse(TestInput.crlf("Subject  \t: Saying Hello\n\n"))
        #expect(header.fields.first?.name == "Subject")
        #expect(header["subject"] == "Saying Hello")
    }

    @Test(arguments: [
        ("garbage line\nSubject: ok\n\n", 1),
        (" leading continuation\nSubject: ok\n\n", 1),
        ("no colon here\n continued garbage\nSubject: ok\n\n", 2),
        (": empty name\nSubject: ok\n\n", 1),
        ("Bad Name: x\nSubject: ok\n\n", 1),
    ])
    func skipsLinesThatAreNoField(text: String, skipped: Int) {
        let header = MessageHeader.parse(TestInput.crlf(text))
        #expect(header.fields.map(\.name) == ["Subject"])
        #expect(header.skippedLineCount == skipped)
    }

    @Test func withoutEmptyLineAllIsHeader() {
        let bytes = TestInput.crlf("A: 1\nB: 2")
        let header = MessageHeader.parse(bytes)
        #expect(header.fields.map(\.value) == ["1", "2"])
        #expect(!header.hasBodySeparator)
        #expect(header.bodyOffset == bytes.count)
        #expect(header.headerByteCount == bytes.count)
    }

    @Test(arguments: ["\r\nbody", "\nbody"])
    func emptyHeaderSection(text: String) {
        let header = MessageHeader.parse(Array(text.utf8))
        #expect(header.fields.isEmpty)
        #expect(header.headerByteCount == 0)
        #expect(header.bodyOffset == text.utf8.count - 4)
    }

    @Test func latin1OctetsSurviveAsCodePoints() {
        let header = MessageHeader.parse([UInt8]("Subject: caf".utf8) + [0xE9] + [13, 10, 13, 10])
        #expect(header["subject"] == "caf\u{E9}")
    }

    @Test func fieldLimitTruncatesButFindsBody() {
        let bytes = TestInput.crlf("A: 1\nB: 2\nC: 3\n\nbody")
        let header = MessageHeader.parse(bytes, maxFields: 2)
        #expect(header.fields.map(\.name) == ["A", "B"])
        #expect(header.isTruncated)
        #expect(header.bodyOffset == bytes.count - 4)
    }

    @Test func byteLimitDropsIncompleteField() {
        let bytes = TestInput.crlf("A: 1\nB: 22222\n\nbody")
        let header = MessageHeader.parse(bytes, maxBytes: 9)
        #expect(header.fields.map(\.name) == ["A"])
        #expect(header.isTruncated)
        #expect(header.bodyOffset == bytes.count - 4)
    }

    @Test func byteLimitDropsFieldWhoseContinuationIsCut() {
        let bytes = TestInput.crlf("A: 1\nB: 2\n continued\n\nbody")
        let header = MessageHeader.parse(bytes, maxBytes: 16)
        #expect(header.fields.map(\.name) == ["A"])
        #expect(header.isTruncated)
    }

    @Test func decodedValueDecodesEncodedWords() {
        let header = MessageHeader.parse(TestInput.crlf("Subject: =?utf-8?q?caf=C3=A9?=\n\n"))
        #expect(header.fields[0].decodedValue == "café")
    }
}
