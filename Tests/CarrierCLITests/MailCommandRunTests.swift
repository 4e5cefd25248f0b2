import CarrierConfig
import CarrierStore
import CarrierTesting
import Foundation
import MailCore
import Testing
@testable import carrier

/// `carrier mail` against a temporary data directory and spool: sending into
/// the maildrop, reading mbox files and store mailboxes with piped commands.
@Suite struct MailCommandRunTests {
    let directory: TemporaryDirectory
    let config: String

    init() throws {
        directory = try TemporaryDirectory("cli-mail")
        config = try MailFixtures.configuration(in: directory)
    }

    var spool: String { directory.path + "/spool" }

    func settings() throws -> CarrierSettings {
        try LoadedConfiguration(explicitPath: config).settings
    }

    @Test func sendQueuesTheMessageWithItsEnvelope() throws {
        defer { directory.remove() }
        let command = try MailFixtures.command(
            ["-s", "Hi\r\nBcc: evil@example.test", "-c", "carol", "-b", "dave@example.test", "-r", "Boss <boss@example.test>", "alice@localhost"],
            config: config)
        let mode = MailSendMode(command: command, settings: try settings())
        var mail = try mode.draft(attachments: [])
        mail.body = Array("Hello Alice\n".utf8)
        let queueID = try MailSubmission(settings: try settings()).submit(mail)
        let (envelope, content) = try Maildrop(dataDirectory: directory.path + "/data").read(queueID: queueID)
        #expect(envelope.sender == "boss@example.test")
        #expect(envelope.recipients == ["alice@localhost", "carol@mx.example.test", "dave@example.test"])
        let header = MessageHeader.parse(content)
        #expect(header["from"] == "Boss <boss@example.test>")
        #expect(header["to"] == "alice@localhost")
        #expect(header["cc"] == "carol@mx.example.test")
        #expect(header["subject"] == "Hi Bcc: evil@example.test")
        #expect(header.fields(named: "bcc").isEmpty)
        #expect(header["message-id"]?.hasSuffix("@mx.example.test>") == true)
        #expect(content.starts(with: Array("Date: ".utf8)))
        #expect(String(decoding: content, as: UTF8.self).hasSuffix("\r\n\r\nHello Alice\r\n"))
    }

    @Test func attachmentsAreReadAndAMissingOneIsNoInput() throws {
        defer { directory.remove() }
        let file = directory.path + "/notes.txt"
        try "notes".write(toFile: file, atomically: true, encoding: .utf8)
        let good = MailSendMode(command: try MailFixtures.command(["-a", file, "bob"], config: config), settings: try settings())
        #expect(try good.readAttachments() == [MailAttachment(path: file, content: Array("notes".utf8))])
        let bad = MailSendMode(command: try MailFixtures.command(["-a", directory.path + "/absent", "bob"], config: config),
                               settings: try settings())
        #expect(throws: CommandFailure(message: "fatal: cannot read attachment \(directory.path)/absent: No such file or directory",
                                       status: ExitStatus.noInput)) { try bad.readAttachments() }
    }

    @Test func pipedCommandsPrintDeleteAndQuit() async throws {
        defer { directory.remove() }
        try MailFixtures.twoMessageMbox.write(toFile: spool + "/carol", atomically: true, encoding: .utf8)
        let (output, hadMail) = try await MailFixtures.read(try MailFixtures.command(["-u", "carol"], config: config),
                                                            lines: ["p 1", "d 2", "q"])
        #expect(hadMail)
        #expect(output.contains("\"\(spool)/carol\": 2 messages 1 new 2 unread\n"))
        #expect(output.contains("Message 1:\nFrom alice@example.test  Sun Nov 29 09:41:18 2026\n"))
        #expect(output.hasSuffix("Held 1 message in \(spool)/carol\n"))
        let after = Array(try Data(contentsOf: URL(fileURLWithPath: spool + "/carol")))
        let entries = MboxReader.read(after)
        #expect(entries.count == 1)
        #expect(MessageHeader.parse(entries[0].message)["status"] == "RO")
        #expect(MessageHeader.parse(entries[0].message)["subject"] == "Lunch on Friday")
    }

    @Test func exitLeavesTheMailboxAndEndOfInputQuits() async throws {
        defer { directory.remove() }
        let path = directory.path + "/box.mbox"
        try MailFixtures.twoMessageMbox.write(toFile: path, atomically: true, encoding: .utf8)
        _ = try await MailFixtures.read(try MailFixtures.command(["-f", path], config: config), lines: ["d *", "x"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == MailFixtures.twoMessageMbox)
        let (saving, _) = try await MailFixtures.read(try MailFixtures.command(["-f", path], config: config), lines: ["s 2 \(path).saved"])
        #expect(saving.hasSuffix("\"\(path).saved\" [New file]\n\"\(path)\" complete\n"))
        let kept = MboxReader.read(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(kept.map { MessageHeader.parse($0.message)["status"] } == ["O", "O"])
        let saved = MboxReader.read(Array(try Data(contentsOf: URL(fileURLWithPath: path + ".saved"))))
        #expect(saved.map(\.envelope) == ["bob@example.test  Mon Nov 30 10:00:00 2026"])
        let (emptying, _) = try await MailFixtures.read(try MailFixtures.command(["-f", path], config: config), lines: ["d *", "q"])
        #expect(emptying.hasSuffix("\"\(path)\" truncated\n"))
        #expect(try String(contentsOfFile: path, encoding: .utf8).isEmpty)
    }

    @Test func newMailArrivingDuringTheSessionIsKept() async throws {
        defer { directory.remove() }
        let path = spool + "/carol"
        try MailFixtures.twoMessageMbox.write(toFile: path, atomically: true, encoding: .utf8)
        let command = try MailFixtures.command(["-u", "carol"], config: config)
        let located = try await MailboxLocator.locate(command, settings: try settings())
        let source: any MailboxSource = try #require(located)
        _ = try await source.load()
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("From late@example.test  Tue Dec  1 08:00:00 2026\nSubject: late\n\nlate\n\n".utf8))
        try handle.close()
        let said = try await source.commit([.delete, .keep(read: true)])
        #expect(said.hasPrefix("New mail has arrived.\n"))
        let entries = MboxReader.read(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(entries.map(\.envelope) == ["bob@example.test  Mon Nov 30 10:00:00 2026", "late@example.test  Tue Dec  1 08:00:00 2026"])
    }

    @Test func summaryOnlyAndNoMail() async throws {
        defer { directory.remove() }
        let (none, hadMail) = try await MailFixtures.read(try MailFixtures.command(["-u", "nobody"], config: config), lines: [])
        #expect(!hadMail && none.isEmpty)
        try MailFixtures.twoMessageMbox.write(toFile: spool + "/carol", atomically: true, encoding: .utf8)
        let (summary, _) = try await MailFixtures.read(try MailFixtures.command(["-H", "-u", "carol"], config: config), lines: ["q"])
        #expect(summary.split(separator: "\n").count == 2)
        #expect(summary.hasPrefix(">N  1 alice@example.tes  "))
        #expect(try String(contentsOfFile: spool + "/carol", encoding: .utf8) == MailFixtures.twoMessageMbox)
    }

    @Test func spoolNamesCannotLeaveTheSpoolDirectory() async throws {
        defer { directory.remove() }
        let located = try await MailboxLocator.locate(try MailFixtures.command(["-u", "../carol"], config: config), settings: try settings())
        #expect(located == nil)
    }

    @Test func replyIsQueuedForTheSender() async throws {
        defer { directory.remove() }
        try MailFixtures.twoMessageMbox.write(toFile: spool + "/carol", atomically: true, encoding: .utf8)
        let (output, _) = try await MailFixtures.read(
            try MailFixtures.command(["-u", "carol", "-r", "carol@example.test"], config: config),
            lines: ["r 1", "Yes, noon.", ".", "q"], interactive: true)
        #expect(output.contains("To: Alice <alice@example.test>\nSubject: Re: Lunch on Friday\nEOT\n"))
        let maildrop = Maildrop(dataDirectory: directory.path + "/data")
        let entry = try #require(maildrop.entries().first)
        #expect(entry.envelope.recipients == ["alice@example.test"])
        let (_, content) = try maildrop.read(queueID: entry.envelope.queueID)
        let header = MessageHeader.parse(content)
        #expect(header["subject"] == "Re: Lunch on Friday")
        #expect(header["in-reply-to"] == "<lunch@example.test>")
        #expect(String(decoding: content, as: UTF8.self).hasSuffix("\r\n\r\nYes, noon.\r\n"))
    }

    @Test func storeMailboxGetsSeenAndExpunge() async throws {
        defer { directory.remove() }
        let store = try SQLiteMailStore(directory: directory.path + "/data")
        let carol = try await store.createUser(address: "carol", passwordHash: "x", isAdmin: false)
        for (index, subject) in ["first", "second"].enumerated() {
            let content = Array("Return-Path: <s@example.test>\r\nFrom: s@example.test\r\nSubject: \(subject)\r\n\r\nbody\r\n".utf8)
            _ = try await store.deliver(DeliveryBatch(
                queueID: "Q\(index)", sender: "s@example.test", content: content, metadata: MessageMetadata(subject: subject),
                arrival: 1_795_000_000, localCopies: [.init(userID: carol.id, recipient: "carol@localhost")]))
        }
        let (output, _) = try await MailFixtures.read(try MailFixtures.command(["-u", "carol@localhost"], config: config),
                                                      lines: ["p 1", "d 2", "q"])
        #expect(output.contains("\"carrier:carol/INBOX\": 2 messages 2 new\n"))
        #expect(output.contains("Message 1:\nFrom s@example.test  "))
        let left = try await store.messages(userID: carol.id, mailbox: "INBOX")
        #expect(left.count == 1)
        #expect(left.first?.flags.contains("\\Seen") == true)
    }
}
