import MailCore
import Testing
@testable import carrier

@Suite struct MessageComposerTests {
    let composer = MessageComposer(date: "Sun, 29 Nov 2026 09:41:18 +0000", messageID: "<1.x@mx.example.test>", boundarySeed: "seed")

    func mail(subject: String = "Hello", body: String = "Hi Bob,\nsee you.\n") -> OutgoingMail {
        OutgoingMail(from: MailboxAddress(localPart: "alice", domain: "example.test"),
                     to: [MailboxAddress(displayName: "Bob", localPart: "bob", domain: "example.test")],
                     subject: subject, body: Array(body.utf8))
    }

    func text(_ mail: OutgoingMail) -> String {
        String(decoding: composer.compose(mail), as: UTF8.self)
    }

    @Test func plainMessageIsExact() {
        #expect(text(mail()) == """
            Date: Sun, 29 Nov 2026 09:41:18 +0000\r
            From: alice@example.test\r
            To: Bob <bob@example.test>\r
            Subject: Hello\r
            Message-ID: <1.x@mx.example.test>\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=us-ascii\r
            Content-Transfer-Encoding: 7bit\r
            \r
            Hi Bob,\r
            see you.\r

            """)
    }

    @Test(arguments: ["Hi\r\nBcc: victim@example.test", "Hi\nBcc: victim@example.test", "Hi\rBcc: victim@example.test",
                      "Hi\r\n\r\nInjected body", "Hi\u{2028}Bcc: victim@example.test"])
    func subjectCannotInjectHeaders(subject: String) {
        let message = composer.compose(mail(subject: subject))
        let header = MessageHeader.parse(message)
        #expect(header.fields(named: "subject").count == 1)
        #expect(header.fields(named: "bcc").isEmpty)
        #expect(header["subject"]?.hasPrefix("Hi ") == true)
        #expect(header.fields.map(\.name) == ["Date", "From", "To", "Subject", "Message-ID", "MIME-Version",
                                              "Content-Type", "Content-Transfer-Encoding"])
        let body = String(decoding: message[header.bodyOffset...], as: UTF8.self)
        #expect(body == "Hi Bob,\r\nsee you.\r\n")
    }

    @Test func nonASCIISubjectIsEncodedWords() {
        let header = MessageHeader.parse(composer.compose(mail(subject: "Grüße aus Köln")))
        let raw = header["subject"] ?? ""
        #expect(raw.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(raw.contains("=?utf-8?"))
        #expect(header.fields(named: "subject").first?.decodedValue == "Grüße aus Köln")
    }

    @Test func longSubjectsAreFoldedAndUnfoldBack() {
        let subject = (1...30).map { "word\($0)" }.joined(separator: " ")
        let message = text(mail(subject: subject))
        #expect(message.split(separator: "\r\n").allSatisfy { $0.count <= 78 })
        #expect(MessageHeader.parse(composer.compose(mail(subject: subject)))["subject"] == subject)
    }

    @Test func bccIsOnlyInTheEnvelope() {
        var outgoing = mail()
        outgoing.cc = [MailboxAddress(localPart: "carol", domain: "example.test")]
        outgoing.bcc = [MailboxAddress(localPart: "dave", domain: "example.test")]
        let message = text(outgoing)
        #expect(!message.contains("dave"))
        #expect(message.contains("\r\nCc: carol@example.test\r\n"))
        #expect(outgoing.envelopeRecipients == ["bob@example.test", "carol@example.test", "dave@example.test"])
    }

    @Test func utf8BodyIs8bit() {
        let message = text(mail(body: "Grüße\n"))
        #expect(message.contains("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nGrüße\r\n"))
    }

    @Test func overlongLinesGoBase64() {
        let body = TextBody(Array(String(repeating: "a", count: 1200).utf8))
        #expect(body.transferEncoding == "base64")
        #expect(TransferEncoding.decodeBase64(body.bytes) == Array((String(repeating: "a", count: 1200) + "\r\n").utf8))
    }

    @Test func attachmentsMakeMultipartMixed() throws {
        var outgoing = mail()
        outgoing.attachments = [
            MailAttachment(path: "/tmp/report.pdf", content: [0, 1, 2, 255]),
            MailAttachment(path: "résumé \"final\".bin", content: Array("data".utf8)),
        ]
        let message = composer.compose(outgoing)
        let header = MessageHeader.parse(message)
        #expect(header["content-type"] == "multipart/mixed; boundary=\"=_carrier_seed\"")
        #expect(header["content-transfer-encoding"] == nil)
        let parts = MIMEPart.parse(message).children
        #expect(parts.count == 3)
        #expect(parts[0].contentType.mimeType == "text/plain")
        #expect(String(decoding: parts[0].decodedBody(in: message), as: UTF8.self) == "Hi Bob,\r\nsee you.\r\n")
        #expect(parts[1].contentType.mimeType == "application/pdf")
        #expect(parts[1].contentDisposition?.filename == "report.pdf")
        #expect(parts[1].decodedBody(in: message) == [0, 1, 2, 255])
        #expect(parts[2].contentType.mimeType == "application/octet-stream")
        #expect(parts[2].contentDisposition?.filename == "résumé \"final\".bin")
    }

    @Test func boundaryAvoidsTheText() {
        var outgoing = mail(body: "--=_carrier_seed\n")
        outgoing.attachments = [MailAttachment(path: "a.txt", content: [65])]
        #expect(MessageHeader.parse(composer.compose(outgoing))["content-type"] == "multipart/mixed; boundary=\"=_carrier_seed_\"")
    }

    @Test(arguments: [("report.PDF", "application/pdf"), ("photo.jpeg", "image/jpeg"), ("archive.tar.gz", "application/gzip"),
                      ("README", "application/octet-stream"), (".bashrc", "application/octet-stream"), ("x.eml", "application/octet-stream")])
    func contentTypeFromExtension(filename: String, type: String) {
        #expect(AttachmentContentType.forFilename(filename) == type)
    }

    @Test func parametersAreQuotedOrRFC2231() {
        #expect(MIMEParameterText.format("filename", "a \"b\".txt") == "filename=\"a \\\"b\\\".txt\"")
        #expect(MIMEParameterText.format("filename", "né.txt") == "filename*=utf-8''n%C3%A9.txt")
    }
}
