import MailCore
import Testing
@testable import SMTPProtocol

/// RFC 6152 §3: 8-bit MIME goes as is with BODY=8BITMIME to a server that
/// offers 8BITMIME, and as quoted-printable to one that does not.
@Suite struct ClientEightBitTests {
    typealias C = ClientConversation

    static let eightBitBody = "Subject: menu\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
        + "Content-Transfer-Encoding: 8bit\r\n\r\nCafé crème\r\n"

    static func eightBitMessage(_ body: String = eightBitBody) -> SMTPOutboundMessage {
        C.message(body: body) { $0.isEightBit = true }
    }

    /// The DATA payload the client writes after `354`.
    static func payload(_ keywords: [String], _ message: SMTPOutboundMessage) -> (mail: String, data: String) {
        var c = C.ready(keywords)
        let mail = c.event(.sendMessage(message)).sent
        _ = c.server("250 Ok\r\n")
        _ = c.server("250 Ok\r\n")
        return (mail, c.server("354 go ahead\r\n").sent)
    }

    @Test func eightBitGoesAsIsWhenOffered() {
        let (mail, data) = Self.payload(["SIZE", "8BITMIME"], Self.eightBitMessage())
        #expect(mail == "MAIL FROM:<alice@local.test> SIZE=\(Self.eightBitBody.utf8.count) BODY=8BITMIME\r\n")
        #expect(data == Self.eightBitBody + ".\r\n")
    }

    @Test func eightBitIsConvertedToQuotedPrintableWhenNotOffered() {
        let (mail, data) = Self.payload(["SIZE"], Self.eightBitMessage())
        let expected = "Subject: menu\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n\r\nCaf=C3=A9 cr=C3=A8me\r\n"
        #expect(mail == "MAIL FROM:<alice@local.test> SIZE=\(expected.utf8.count)\r\n")
        #expect(data == expected + ".\r\n")
        #expect(data.utf8.allSatisfy { $0 < 0x80 })
    }

    @Test func eightBitHeaderIsSentAsIsWhenNotOffered() {
        let body = "Subject: Grüße\r\n\r\nGrüße\r\n"
        let (mail, data) = Self.payload([], Self.eightBitMessage(body))
        #expect(mail == "MAIL FROM:<alice@local.test>\r\n")
        #expect(data == body + ".\r\n")
    }
}
