import Testing
@testable import MailCore

@Suite struct DeliveryStatusNotificationTests {
    @Test func reportHasTheThreeRFC3464Parts() {
        let original = Array("Subject: hello\r\nFrom: a@x\r\n\r\nsecret body\r\n".utf8)
        let dsn = DeliveryStatusNotification(
            reportingHost: "mx.example.test", mailName: "Carrier", queueID: "ABC", originalSender: "a@x", envelopeID: "E1",
            arrival: 0, now: 60,
            recipients: [.init(address: "ghost@example.test", status: EnhancedStatusCode(5, 1, 1),
                               diagnostic: "x-carrier; unknown user: \"ghost\"")],
            original: original)
        let bytes = dsn.message(boundary: "B0UND")
        let root = MIMEPart.parse(bytes)
        #expect(root.contentType.mimeType == "multipart/report")
        #expect(root.contentType.parameters["report-type"] == "delivery-status")
        #expect(root.children.map(\.contentType.mimeType) == ["text/plain", "message/delivery-status", "text/rfc822-headers"])
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("Final-Recipient: rfc822; ghost@example.test\r\nAction: failed\r\nStatus: 5.1.1\r\n"))
        #expect(text.contains("Original-Envelope-Id: E1\r\n"))
        #expect(text.contains("Subject: hello\r\n"))
        #expect(!text.contains("secret body"))
        #expect(MessageHeader.parse(bytes)["to"] == "a@x")
    }
}

@Suite struct DeliveryStatusNotificationReturnTests {
    /// RFC 3461 §4.3 RET=FULL: the whole message comes back as message/rfc822.
    @Test func returnFullMessage() {
        let original = Array("Subject: hello\r\n\r\nthe body\r\n".utf8)
        let dsn = DeliveryStatusNotification(
            reportingHost: "mx.example.test", mailName: "Carrier", queueID: "Q", originalSender: "a@x", envelopeID: nil,
            arrival: 0, now: 0, recipients: [.init(address: "b@y", status: EnhancedStatusCode(5, 1, 1), diagnostic: "x")],
            original: original, returnFullMessage: true)
        let bytes = dsn.message(boundary: "B")
        let root = MIMEPart.parse(bytes)
        #expect(root.children.last?.contentType.mimeType == "message/rfc822")
        #expect(String(decoding: bytes, as: UTF8.self).contains("the body"))
    }
}
