import CarrierStore
import Ingress
import LocalDelivery
import Testing

/// QUOTA (RFC 9208) from `mailbox_size_limit`, enforced at APPEND, COPY,
/// SMTP RCPT and local delivery.
@Suite struct IMAPQuotaTests {
    /// Runs a connection step and what follows it, as the transport does.
    static func drive(_ first: ConnectionStep) async -> String {
        var text = String(decoding: first.output.bytes, as: UTF8.self)
        var step = first
        while let next = step.next {
            step = await next()
            text += String(decoding: step.output.bytes, as: UTF8.self)
        }
        return text
    }

    @Test func quotaIsReportedAndEnforcedInIMAP() async throws {
        let server = try await IMAPTestServer(mailboxSizeLimit: 3000)
        try await server.deliver(subject: "first")
        let client = await server.selectedClient()
        #expect(await client.command("c1 CAPABILITY").contains(" QUOTA QUOTA=RES-STORAGE"))
        let root = await client.command("q1 GETQUOTAROOT INBOX")
        #expect(root == "* QUOTAROOT INBOX \"\"\r\n* QUOTA \"\" (STORAGE 1 2)\r\nq1 OK GETQUOTAROOT completed\r\n")
        #expect(await client.command("q2 GETQUOTA \"\"").hasPrefix("* QUOTA \"\" (STORAGE 1 2)\r\n"))
        #expect(await client.command("q3 GETQUOTA \"#user/bob\"").hasPrefix("q3 NO [NONEXISTENT]"))
        #expect(await client.command("q4 SETQUOTA \"\" (STORAGE 10)").hasPrefix("q4 NO"))
        let big = String(repeating: "y", count: 2900)
        #expect(await client.command("a1 APPEND INBOX {2900+}\r\n\(big)").contains("a1 NO [OVERQUOTA]"))
        let fits = String(repeating: "z", count: 2700)
        #expect(await client.command("a2 APPEND Drafts {2700+}\r\n\(fits)").contains("a2 OK [APPENDUID"))
        #expect(await client.command("c2 COPY 1 Trash").hasPrefix("c2 NO [OVERQUOTA]"))
        #expect(await client.command("c3 MOVE 1 Trash").contains("c3 OK"))
        _ = await client.command("d1 SELECT Drafts")
        _ = await client.command("d2 STORE 1 +FLAGS.SILENT (\\Deleted)")
        #expect(await client.command("d3 STATUS Drafts (DELETED DELETED-STORAGE)").hasPrefix("* STATUS Drafts (DELETED 1 DELETED-STORAGE 2700)"))
    }

    @Test func unlimitedIsNotAdvertisedButAnswers() async throws {
        let server = try await IMAPTestServer()
        let client = await server.selectedClient()
        #expect(!(await client.command("c1 CAPABILITY").contains("QUOTA")))
        #expect(await client.command("q1 GETQUOTAROOT Anything").hasPrefix("* QUOTAROOT Anything \"\"\r\n* QUOTA \"\" ()\r\n"))
    }

    @Test func fullMailboxDefersSMTPAndLocalDelivery() async throws {
        let server = try await IMAPTestServer(mailboxSizeLimit: 1000)
        try await server.deliver(subject: "first", body: String(repeating: "x", count: 600))
        let smtp = SMTPIngressConnection(services: server.services.ingress,
                                         client: ClientInfo(hostname: "client", address: "192.0.2.9", port: 25, isTrusted: false))
        _ = await Self.drive(smtp.start())
        _ = await Self.drive(smtp.receive(Array("EHLO client.test\r\n".utf8)))
        _ = await Self.drive(smtp.receive(Array("MAIL FROM:<bob@example.net> SIZE=500\r\n".utf8)))
        let declared = await Self.drive(smtp.receive(Array("RCPT TO:<alice@example.test>\r\n".utf8)))
        #expect(declared.hasPrefix("452 4.2.2 <alice@example.test>: Recipient address rejected: Mailbox full"))
        _ = await Self.drive(smtp.receive(Array("RSET\r\nMAIL FROM:<bob@example.net>\r\n".utf8)))
        #expect(await Self.drive(smtp.receive(Array("RCPT TO:<alice@example.test>\r\n".utf8))).hasPrefix("250"))
        _ = await Self.drive(smtp.receive(Array("DATA\r\n".utf8)))
        let body = "Subject: big\r\n\r\n" + String(repeating: "y", count: 500) + "\r\n.\r\n"
        #expect(await Self.drive(smtp.receive(Array(body.utf8))).hasPrefix("250 2.0.0 Ok: queued as"))
        let queued = try await server.store.queueEntries()
        #expect(queued.count == 1)
        #expect(queued.first?.recipients.first?.reason == LocalDeliveryAgent.mailboxFullReason)
        #expect(try await server.store.storageUsage(userID: server.alice.id).messages == 1)
    }
}
