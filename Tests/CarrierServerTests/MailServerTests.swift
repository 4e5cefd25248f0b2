import CarrierConfig
import CarrierStore
import CarrierTesting
import Foundation
import Testing
@testable import CarrierServer

/// The real server in-process on an ephemeral port, driven over TCP.
@Suite struct MailServerTests {
    static func startServer(_ dir: TemporaryDirectory,
                            _ adjust: (inout CarrierSettings) -> Void = { _ in }) async throws -> MailServer {
        var settings = TestSettings.make(directory: dir.path)
        adjust(&settings)
        let writer = try MailLogWriter(logPath: settings.maillogFile, errorPath: settings.maillogErrorFile,
                                       hostname: settings.myhostname, syslogName: "carrier", echoToStandardError: false)
        let server = try MailServer(settings: settings, logWriter: writer, threads: 2)
        try await server.start()
        return server
    }

    /// Sends one message in its own session; returns the final reply code.
    static func send(port: Int, to recipient: String, body: String) async throws -> Int? {
        try await onOwnThread {
            let c = try LineClient(port: port)
            _ = c.readReply()
            c.send("EHLO test.client\r\n")
            _ = c.readReply()
            c.send("MAIL FROM:<sender@client.test>\r\nRCPT TO:<\(recipient)>\r\nDATA\r\n")
            guard c.readCode() == 250, c.readCode() == 250, c.readCode() == 354 else { return nil }
            c.send("Subject: test\r\n\r\n\(body)\r\n.\r\nQUIT\r\n")
            let code = c.readCode()
            _ = c.readReply()
            return code
        }
    }

    @Test func concurrentSessionsAllDeliver() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let server = try await Self.startServer(dir)
        let alice = try await server.store.createUser(address: "alice", passwordHash: "x", isAdmin: true)
        let port = try #require(server.smtpPorts.first)
        let codes = try await withThrowingTaskGroup(of: Int?.self) { group in
            for i in 0..<20 { group.addTask { try await Self.send(port: port, to: "alice@example.test", body: "message \(i)") } }
            return try await group.reduce(into: [Int?]()) { $0.append($1) }
        }
        #expect(codes.allSatisfy { $0 == 250 })
        #expect(try await server.store.messages(userID: alice.id, mailbox: "INBOX").count == 20)
        await server.shutdown(gracePeriod: .seconds(1))
        let log = try String(contentsOfFile: dir.path + "/log/mail.log", encoding: .utf8)
        #expect(log.components(separatedBy: "status=sent (delivered to mailbox)").count == 21)
        #expect(log.contains("carrier/smtpd["))
        #expect(log.contains("ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5"))
    }

    @Test func restartKeepsMail() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var server = try await Self.startServer(dir)
        let alice = try await server.store.createUser(address: "alice", passwordHash: "x", isAdmin: true)
        #expect(try await Self.send(port: server.smtpPorts[0], to: "alice@localhost", body: "persist me") == 250)
        await server.shutdown(gracePeriod: .seconds(1))
        server = try await Self.startServer(dir)
        let messages = try await server.store.messages(userID: alice.id, mailbox: "INBOX")
        #expect(messages.count == 1)
        let content = try await server.store.content(hash: messages[0].bodyHash).map { String(decoding: $0, as: UTF8.self) }
        #expect(content?.contains("persist me") == true)
        await server.shutdown(gracePeriod: .seconds(1))
    }

    @Test func connectionDroppedDuringDATALeavesNothing() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let server = try await Self.startServer(dir)
        let alice = try await server.store.createUser(address: "alice", passwordHash: "x", isAdmin: true)
        let port = server.smtpPorts[0]
        try await onOwnThread {
            let c = try LineClient(port: port)
            _ = c.readReply()
            c.send("EHLO c\r\nMAIL FROM:<a@c.test>\r\nRCPT TO:<alice@localhost>\r\nDATA\r\n")
            for _ in 0..<4 { _ = c.readReply() }
            c.send("Subject: half\r\n\r\nthis message never ends")
            c.abort()
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await server.store.messages(userID: alice.id, mailbox: "INBOX").isEmpty)
        await server.shutdown(gracePeriod: .seconds(1))
        let log = try String(contentsOfFile: dir.path + "/log/mail.log", encoding: .utf8)
        #expect(log.contains("lost connection after DATA from localhost[127.0.0.1]"))
    }

    @Test func unknownRecipientRejectedAndLogged() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let server = try await Self.startServer(dir)
        #expect(try await Self.send(port: server.smtpPorts[0], to: "ghost@example.test", body: "x") == nil)
        await server.shutdown(gracePeriod: .seconds(1))
        let log = try String(contentsOfFile: dir.path + "/log/mail.log", encoding: .utf8)
        #expect(log.contains("NOQUEUE: reject: RCPT from localhost[127.0.0.1]: 550 5.1.1 <ghost@example.test>: Recipient address rejected: User unknown in local recipient table; from=<sender@client.test> to=<ghost@example.test> proto=ESMTP helo=<test.client>"))
    }

    @Test func shutdownClosesIdleSessionsWith421() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let server = try await Self.startServer(dir)
        let port = server.smtpPorts[0]
        let client = try LineClient(port: port)
        _ = client.readReply()
        await server.shutdown(gracePeriod: .milliseconds(200))
        let reply = try await onOwnThread { client.readReply() }
        #expect(reply?.hasPrefix("421 4.3.2") == true)
    }

    /// `smtpd_client_connection_count_limit`: one connection too many gets 421 4.7.0 (mynetworks would be exempt).
    @Test func connectionCountLimitPerClient() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let server = try await Self.startServer(dir) {
            $0.mynetworks = []
            $0.smtpdClientConnectionCountLimit = 2
        }
        let port = server.smtpPorts[0]
        let replies = try await onOwnThread { () -> [String?] in
            let first = try LineClient(port: port)
            let second = try LineClient(port: port)
            let third = try LineClient(port: port)
            return [first.readReply(), second.readReply(), third.readReply()]
        }
        #expect(replies[0]?.hasPrefix("220 ") == true)
        #expect(replies[1]?.hasPrefix("220 ") == true)
        #expect(replies[2]?.hasPrefix("421 4.7.0") == true, "\(replies)")
        await server.shutdown(gracePeriod: .milliseconds(200))
        let log = try String(contentsOfFile: dir.path + "/log/mail.err", encoding: .utf8)
        #expect(log.contains("warning: Connection concurrency limit exceeded: 3 from unknown[127.0.0.1]") ||
                log.contains("warning: Connection concurrency limit exceeded: 3 from localhost[127.0.0.1]"))
    }
}

@Suite struct PrivilegeSeparationTests {
    @Test func inheritedDescriptorsRoundTrip() {
        let value = PrivilegeSeparation.Inherited(lock: 3, helper: 5, listeners: ["smtp": [6, 7], "submission": [8], "submissions": []])
        #expect(value.description == "lock=3,helper=5,smtp=6+7,submission=8,submissions=")
        #expect(PrivilegeSeparation.Inherited(value.description) == value)
        #expect(PrivilegeSeparation.Inherited("helper=5") == nil)
    }

    @Test func rootIsNotAMailOwner() {
        #expect(throws: PrivilegeSeparation.Failure.self) { try PrivilegeSeparation.account(named: "root") }
        #expect(throws: PrivilegeSeparation.Failure.self) { try PrivilegeSeparation.account(named: "no-such-user-here") }
    }
}
