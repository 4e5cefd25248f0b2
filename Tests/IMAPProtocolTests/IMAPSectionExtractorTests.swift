import MailCore
import Testing
@testable import IMAPProtocol

/// BODY[section] and BINARY[part] (RFC 9051 §6.4.5, RFC 3516 §4.2).
@Suite struct IMAPSectionExtractorTests {
    typealias F = MIMEFixtures

    static func section(_ message: [UInt8], _ section: IMAPSection) -> String? {
        IMAPSectionExtractor.extract(section, from: message, tree: F.tree(message)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func wholeMessageHeaderAndText() {
        let m = F.forwarded
        #expect(Self.section(m, IMAPSection()).map { Array($0.utf8) } == m)
        #expect(Self.section(m, IMAPSection(text: .header))
            == "From: a@b.test\r\nSubject: fwd\r\nContent-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n")
        #expect(Self.section(m, IMAPSection(text: .text))?.hasPrefix("--outer\r\nContent-Type: text/plain\r\n") == true)
    }

    /// The part numbering of RFC 9051 §6.4.5, nested message included.
    @Test func partsOfANestedMessage() {
        let m = F.forwarded
        #expect(Self.section(m, IMAPSection(part: [1])) == "See attached.")
        #expect(Self.section(m, IMAPSection(part: [1], text: .mime)) == "Content-Type: text/plain\r\n\r\n")
        #expect(Self.section(m, IMAPSection(part: [2]))?.hasPrefix("From: inner@c.test\r\n") == true)
        #expect(Self.section(m, IMAPSection(part: [2]))?.utf8.count == 169)
        #expect(Self.section(m, IMAPSection(part: [2], text: .header))
            == "From: inner@c.test\r\nSubject: inner\r\nContent-Type: multipart/alternative; boundary=inner\r\n\r\n")
        #expect(Self.section(m, IMAPSection(part: [2], text: .text))?.hasPrefix("--inner\r\n\r\nInner body") == true)
        #expect(Self.section(m, IMAPSection(part: [2, 1])) == "Inner body")
        #expect(Self.section(m, IMAPSection(part: [2, 1], text: .mime)) == "\r\n")
        #expect(Self.section(m, IMAPSection(part: [2, 2])) == "<b>x</b>")
        #expect(Self.section(m, IMAPSection(part: [2, 2], text: .mime)) == "Content-Type: text/html\r\n\r\n")
        #expect(Self.section(m, IMAPSection(part: [2], text: .headerFields(["subject"]))) == "Subject: inner\r\n\r\n")
    }

    @Test func nonexistentSections() {
        let m = F.forwarded
        for missing in [IMAPSection(part: [3]), IMAPSection(part: [1], text: .header), IMAPSection(part: [1, 1]),
                        IMAPSection(part: [2, 3]), IMAPSection(text: .mime), IMAPSection(part: [0])] {
            #expect(Self.section(m, missing) == nil, "\(missing)")
        }
    }

    /// A single-part message has exactly one part: its body.
    @Test func singlePartMessage() {
        let m = F.plain
        #expect(Self.section(m, IMAPSection(part: [1])) == "Hi there\r\n")
        #expect(Self.section(m, IMAPSection(part: [1], text: .mime))?.hasPrefix("From: \"Joe Q. Public\"") == true)
        #expect(Self.section(m, IMAPSection(part: [2])) == nil)
    }

    @Test func headerFieldSelection() {
        let m = F.crlf("From: a@b.test\nSubject: folded\n  continues\nX-Tag: 1\nsubject: again\n\nbody")
        #expect(Self.section(m, IMAPSection(text: .headerFields(["SUBJECT", "x-nothing"])))
            == "Subject: folded\r\n  continues\r\nsubject: again\r\n\r\n")
        #expect(Self.section(m, IMAPSection(text: .headerFieldsNot(["Subject"]))) == "From: a@b.test\r\nX-Tag: 1\r\n\r\n")
        #expect(Self.section(m, IMAPSection(text: .headerFields(["none"]))) == "\r\n")
    }

    @Test func headerWithoutBody() {
        let m = Array("Subject: only".utf8)
        #expect(Self.section(m, IMAPSection(text: .header)) == "Subject: only")
        #expect(Self.section(m, IMAPSection(text: .headerFields(["subject"]))) == "Subject: only\r\n\r\n")
        #expect(Self.section(m, IMAPSection(text: .text)) == "")
    }

    @Test func partialAppliesAfterExtraction() {
        let data = IMAPSectionExtractor.extract(IMAPSection(part: [1]), from: F.forwarded, tree: F.tree(F.forwarded)) ?? []
        #expect(String(decoding: IMAPPartial(offset: 4, length: 8).apply(to: data), as: UTF8.self) == "attached")
    }

    static func binary(_ message: [UInt8], _ part: [Int]) -> Result<[UInt8], IMAPBinaryDecoder.Failure> {
        IMAPBinaryDecoder.decode(part: part, from: message, tree: F.tree(message))
    }

    @Test func binaryDecodesTransferEncodings() {
        #expect(Self.binary(F.attachment, [2]) == .success(Array("%PDF-1.4\n".utf8)))
        #expect(Self.binary(F.alternative, [1]) == .success(Array("caf\u{e9}".utf8)))
        #expect(Self.binary(F.alternative, [2]) == .success(Array("<p>caf&eacute;</p>".utf8)))
        #expect(Self.binary(F.plain, []) == .success(F.plain))
        #expect(Self.binary(F.attachment, [2]).map(\.count) == .success(9))
    }

    /// RFC 9051 §7.5.2: decoded text goes out with CRLF line ends.
    @Test func binaryTextGetsCRLF() {
        let m = F.crlf("Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n") + Array("YQpiDWMNCmQ=".utf8)
        #expect(Self.binary(m, [1]) == .success(Array("a\r\nb\r\nc\r\nd".utf8)))
    }

    @Test func binaryFailures() {
        #expect(Self.binary(F.forwarded, [2]) == .failure(.notALeafPart))
        #expect(Self.binary(F.forwarded, [9]) == .failure(.nonexistentPart))
        #expect(Self.binary(F.alternative, []) == .success(F.alternative))
        let uue = F.crlf("Content-Type: application/octet-stream\nContent-Transfer-Encoding: x-uuencode\n\nbegin 644 x\n")
        #expect(Self.binary(uue, [1]) == .failure(.unknownTransferEncoding("x-uuencode")))
    }
}
