import CarrierTesting
import Foundation
@testable import MailboxAccess
import MailCore
import Testing

/// BODY and TEXT with the octet scan give what decoding every part and
/// comparing text gives, on seeded random messages: plain and MIME, 7bit,
/// 8bit, base64 and quoted-printable, UTF-8 and ISO-8859-1, multipart.
@Suite struct IMAPMessageTextSearchTests {
    static let words = ["needle", "Needle", "NEEDLE", "hay", "caf\u{e9}", "Z\u{fc}rich", "stra\u{df}e", "nee", "dle", "x", "=", "content-type"]
    static let needles = ["needle", "NEEDLE", "eedl", "cafe", "caf\u{e9}", "z\u{fc}rich", "ZURICH", "hay x", "dle nee", "=", "a", "type"]

    /// The reference: every leaf decoded to text and compared as text.
    static func referenceBody(_ message: [UInt8], _ needle: String) -> Bool {
        var stack = [MIMEPart.parse(message)]
        while let part = stack.popLast() {
            guard part.children.isEmpty else {
                stack += part.children
                continue
            }
            let bytes = part.decodedBody(in: message)
            var text = String(decoding: bytes, as: UTF8.self)
            if part.contentType.type == "text", let charset = part.contentType.charset.flatMap({ MIMECharset(name: $0) }),
               let decoded = charset.decode(bytes) {
                text = decoded
            }
            if IMAPSearchNeedle(needle).isFound(inText: text) { return true }
        }
        return false
    }

    static func referenceText(_ message: [UInt8], _ needle: String) -> Bool {
        let search = IMAPSearchNeedle(needle)
        return search.isFound(inText: String(decoding: message, as: UTF8.self))
            || MessageHeader.parse(message).fields.contains { search.isFound(inText: $0.decodedValue) }
            || referenceBody(message, needle)
    }

    static func sentence(_ random: inout SplitMix64) -> String {
        (0..<Int.random(in: 0...12, using: &random)).map { _ in words.randomElement(using: &random)! }
            .joined(separator: Bool.random(using: &random) ? " " : "\r\n")
    }

    /// A text part: its Content-* lines (maybe none) and its encoded body.
    static func part(_ random: inout SplitMix64) -> (fields: String, body: [UInt8]) {
        let text = sentence(&random)
        let latin1 = Bool.random(using: &random)
        let octets = latin1 ? Array(text.data(using: .isoLatin1)!) : Array(text.utf8)
        let charset = latin1 ? "; charset=iso-8859-1" : ["", "; charset=utf-8", "; charset=us-ascii"].randomElement(using: &random)!
        switch Int.random(in: 0...3, using: &random) {
        case 0: return ("", octets)
        case 1: return ("Content-Type: text/plain\(charset)\r\nContent-Transfer-Encoding: 8bit\r\n", octets)
        case 2: return ("Content-Type: text/plain\(charset)\r\nContent-Transfer-Encoding: base64\r\n",
                        Array(TransferEncoding.encodeBase64(octets, lineLength: 20).utf8))
        default: return ("Content-Type: text/plain\(charset)\r\nContent-Transfer-Encoding: quoted-printable\r\n",
                         TransferEncoding.encodeQuotedPrintable(octets))
        }
    }

    static func message(_ random: inout SplitMix64) -> [UInt8] {
        let subject = Bool.random(using: &random) ? EncodedWord.encode(sentence(&random)) : "plain"
        let header = "From: a@example.test\r\nSubject: \(subject)\r\n"
        guard Bool.random(using: &random) else {
            let single = part(&random)
            return Array((header + "MIME-Version: 1.0\r\n" + single.fields + "\r\n").utf8) + single.body
        }
        var message = Array((header + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\npreamble needle\r\n").utf8)
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let inner = part(&random)
            message += Array(("--b\r\n" + inner.fields + "\r\n").utf8) + inner.body + Array("\r\n".utf8)
        }
        return message + Array("--b--\r\nepilogue needle\r\n".utf8)
    }

    @Test func agreesWithDecodingEveryPart() {
        var random = SplitMix64(seed: 9051)
        for _ in 0..<400 {
            let message = Self.message(&random)
            for needle in Self.needles {
                let search = IMAPSearchNeedle(needle)
                let shown = String(decoding: message, as: UTF8.self)
                #expect(IMAPMessageTextSearch.body(message, contains: search) == Self.referenceBody(message, needle), "BODY \(needle) in \(shown)")
                #expect(IMAPMessageTextSearch.text(message, contains: search) == Self.referenceText(message, needle), "TEXT \(needle) in \(shown)")
            }
        }
    }

    @Test func plainMessagesNeedNoMIMEParse() {
        let message = Array("Subject: needle\r\nX-Content-Type: no\r\n\r\nhay\r\n".utf8)
        #expect(!IMAPMessageTextSearch.body(message, contains: IMAPSearchNeedle("needle")))
        #expect(IMAPMessageTextSearch.text(message, contains: IMAPSearchNeedle("needle")))
        // No empty line: the MIME parse decides (a header without fields is all body).
        #expect(IMAPMessageTextSearch.body(Array("just needle text".utf8), contains: IMAPSearchNeedle("needle")))
        #expect(!IMAPMessageTextSearch.body(Array("Subject: needle".utf8), contains: IMAPSearchNeedle("needle")))
        // Bare LF line ends.
        #expect(IMAPMessageTextSearch.body(Array("Subject: x\n\nthe needle\n".utf8), contains: IMAPSearchNeedle("NEEDLE")))
        #expect(!IMAPMessageTextSearch.body(Array("Subject: needle\n\nhay\n".utf8), contains: IMAPSearchNeedle("needle")))
    }
}
