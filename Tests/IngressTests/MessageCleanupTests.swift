import MailCore
import Testing
@testable import Ingress

@Suite struct MessageCleanupTests {
    func context(trusted: Bool, recipients: [String] = ["bob@example.test"]) -> CleanupContext {
        CleanupContext(queueID: "4A1B2C3D4E5", heloName: "client.test",
                       client: ClientInfo(hostname: "localhost", address: "127.0.0.1", port: 4000, isTrusted: trusted),
                       protocolName: "ESMTP", myhostname: "mx.example.test", mailName: "Carrier",
                       recipients: recipients, addMissingHeaders: trusted, now: 1_795_945_278, zoneOffsetMinutes: 0)
    }

    @Test func receivedIsPrependedInPostfixForm() {
        let out = MessageCleanup.run(Array("Subject: hi\r\nMessage-ID: <a@b>\r\nDate: x\r\n\r\nbody\r\n".utf8), context(trusted: false))
        let text = String(decoding: out.content, as: UTF8.self)
        #expect(text.hasPrefix("Received: from client.test (localhost [127.0.0.1])\r\n\tby mx.example.test (Carrier) with ESMTP id 4A1B2C3D4E5\r\n\tfor <bob@example.test>; Sun, 29 Nov 2026 "))
        #expect(text.hasSuffix("Subject: hi\r\nMessage-ID: <a@b>\r\nDate: x\r\n\r\nbody\r\n"))
        #expect(out.messageID == "<a@b>")
        #expect(out.metadata.subject == "hi")
    }

    /// The hops a message arrived with are its Received: fields (RFC 5321 §6.3), whatever
    /// their case; look-alikes such as Received-SPF and X-Received are not hops.
    @Test func hopsCountTheReceivedFieldsTheMessageArrivedWith() {
        let header = "Received: from a by b\r\nRECEIVED: from b by c\r\nreceived: from c by d\r\n"
            + "Received-SPF: pass\r\nX-Received: by e\r\nSubject: hi\r\n\r\nReceived: in the body\r\n"
        #expect(MessageCleanup.run(Array(header.utf8), context(trusted: false)).hops == 3)
        #expect(MessageCleanup.run(Array("Subject: hi\r\n\r\nbody\r\n".utf8), context(trusted: false)).hops == 0)
    }

    @Test func noForClauseWithSeveralRecipients() {
        let out = MessageCleanup.run(Array("\r\nbody\r\n".utf8), context(trusted: false, recipients: ["a@x", "b@x"]))
        #expect(!String(decoding: out.content, as: UTF8.self).contains("\tfor <"))
    }

    @Test func missingMessageIDAndDateAddedForTrustedClients() {
        let out = MessageCleanup.run(Array("Subject: hi\r\n\r\nbody\r\n".utf8), context(trusted: true))
        let header = MessageHeader.parse(out.content)
        #expect(header["message-id"]?.hasSuffix("<20261129094118.4A1B2C3D4E5@mx.example.test>") == true)
        #expect(header["date"] == "Sun, 29 Nov 2026 09:41:18 +0000")
        #expect(String(decoding: out.content, as: UTF8.self).hasSuffix("\r\n\r\nbody\r\n"))
        #expect(out.messageID == header["message-id"])
    }

    @Test func untrustedClientsGetNoAddedHeaders() {
        let out = MessageCleanup.run(Array("Subject: hi\r\n\r\nbody\r\n".utf8), context(trusted: false))
        let header = MessageHeader.parse(out.content)
        #expect(header["message-id"] == nil)
        #expect(header["date"] == nil)
    }

    @Test func headerOnlyMessage() {
        let out = MessageCleanup.run(Array("Subject: only\r\n".utf8), context(trusted: true))
        let header = MessageHeader.parse(out.content)
        #expect(header["subject"] == "only")
        #expect(header["message-id"] != nil)
    }

    @Test func encodedSubjectDecodedInMetadata() {
        let out = MessageCleanup.run(Array("Subject: =?UTF-8?B?w6ljb2xl?=\r\n\r\nx\r\n".utf8), context(trusted: false))
        #expect(out.metadata.subject == "école")
    }

    @Test func mimeStructureSummary() {
        let message = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b\r\nContent-Type: application/pdf\r\n\r\nxx\r\n--b--\r\n"
        let out = MessageCleanup.run(Array(message.utf8), context(trusted: false))
        #expect(out.metadata.mimeStructure == "multipart/mixed(text/plain,application/pdf)")
    }
}
