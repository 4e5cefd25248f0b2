import Testing
@testable import MailCore

/// Hostile inputs: huge, deep, unterminated. Each must finish, within limits
/// and in linear time (a quadratic parser would overrun the time limit).
@Suite(.timeLimit(.minutes(1))) struct MalformedInputTests {
    @Test func hundredThousandFieldsAreCapped() {
        var bytes: [UInt8] = []
        for index in 0..<100_000 { bytes += Array("X-\(index): v\r\n".utf8) }
        bytes += Array("\r\nbody".utf8)
        let header = MessageHeader.parse(bytes)
        #expect(header.fields.count == MailCoreLimits.maxHeaderFields)
        #expect(header.isTruncated)
        #expect(header.bodyOffset == bytes.count - 4)
        #expect(header.fields.last?.name == "X-9999")
    }

    @Test func megabyteLineWithoutNewline() {
        let bytes = Array("Subject: ".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        let header = MessageHeader.parse(bytes)
        #expect(header.fields.isEmpty)
        #expect(header.isTruncated)
        #expect(header.bodyOffset == bytes.count)
        let wide = MessageHeader.parse(bytes, maxBytes: 2_000_000)
        #expect(wide.fields.first?.value.utf8.count == 1_000_000)
        #expect(!wide.isTruncated)
        #expect(MIMEPart.parse(bytes).children.isEmpty)
        #expect(AddressList.parse(String(repeating: "a", count: 1_000_000)).first?.localPart.utf8.count == 1_000_000)
    }

    @Test(arguments: [
        "\"unterminated", "(unterminated", "((((((((((", "[unterminated", "<unterminated", "=?utf-8?q?",
        "\\", "\"\\", "(\\", String(repeating: "(", count: 100_000), String(repeating: "<", count: 100_000),
        String(repeating: "=?", count: 100_000), String(repeating: "=?a?q?", count: 50_000),
        String(repeating: "a ", count: 50_000) + "@" + String(repeating: ":", count: 50_000),
        "a/b; " + String(repeating: "x ", count: 50_000) + "=",
    ])
    func unterminatedConstructsDoNotHang(text: String) {
        _ = AddressList.parse(text)
        _ = RFC5322Date.parse(text)
        _ = MIMEContentType.parse("a/b; p=" + text)
        #expect(EncodedWord.decode(text) == text)
    }

    /// 10,000 nested multiparts, then 10,000 nested messages: parsing stops at maxDepth.
    @Test(arguments: [false, true])
    func tenThousandLevelsStopAtMaxDepth(messages: Bool) {
        let bytes = Self.nested(levels: 10_000, messages: messages)
        #expect(Self.depth(of: MIMEPart.parse(bytes)) == MailCoreLimits.maxMIMEDepth)
        #expect(Self.depth(of: MIMEPart.parse(bytes, maxDepth: 5)) == 5)
    }

    @Test func requestedDepthIsCappedByHardLimit() {
        let bytes = Self.nested(levels: 600, messages: true)
        #expect(Self.depth(of: MIMEPart.parse(bytes, maxDepth: 1_000_000)) == MailCoreLimits.hardMaxMIMEDepth)
    }

    private static func nested(levels: Int, messages: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        for level in 0..<levels {
            let header = messages
                ? "Content-Type: message/rfc822\r\n\r\n"
                : "Content-Type: multipart/mixed; boundary=b\(level)\r\n\r\n--b\(level)\r\n"
            bytes += Array(header.utf8)
        }
        return bytes + Array("\r\nleaf".utf8)
    }

    /// Follows the only child down; returns the depth of the last part.
    private static func depth(of root: MIMEPart) -> Int {
        var part = root
        while let child = part.children.first {
            #expect(part.children.count == 1)
            #expect(child.depth == part.depth + 1)
            part = child
        }
        return part.depth
    }

    @Test func boundaryNeverClosed() {
        var bytes = Array("Content-Type: multipart/mixed; boundary=b\r\n\r\n".utf8)
        for _ in 0..<100 { bytes += Array("--b\r\n\r\npart\r\n".utf8) }
        let root = MIMEPart.parse(bytes)
        #expect(root.children.count == 100)
        #expect(root.children.last?.bodyRange.upperBound == bytes.count)
    }

    @Test func hundredThousandPartsAreCapped() {
        var bytes = Array("Content-Type: multipart/mixed; boundary=b\r\n\r\n".utf8)
        for _ in 0..<100_000 { bytes += Array("--b\r\n\r\nx\r\n".utf8) }
        let root = MIMEPart.parse(bytes)
        #expect(root.children.count == MailCoreLimits.maxMIMEParts - 1)
    }
}
