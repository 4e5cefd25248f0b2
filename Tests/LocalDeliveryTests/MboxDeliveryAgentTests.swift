import CarrierTesting
import Foundation
import MailCore
import Synchronization
import Testing
@testable import LocalDelivery

@Suite struct MboxDeliveryAgentTests {
    /// The account mail is delivered to: `nobody` as a real non-root account.
    let nobody = SystemAccount.lookup("nobody")!

    @Test func appendsTwoMessagesThatReadBackByteForByte() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let agent = MboxDeliveryAgent(spoolDirectory: dir.path)
        let first = MailboxFixture.message(subject: "first", body: "From the start\r\nline two\r\n")
        let second = MailboxFixture.message(subject: "second", body: "no final newline")
        try agent.deliver(first, sender: "alice@example.test", recipient: "nobody@localhost", arrival: 1_700_000_000, to: nobody)
        try agent.deliver(second, sender: "", recipient: "nobody@localhost", arrival: 1_700_000_060, to: nobody)

        let file = MailboxFixture.bytes(dir.path + "/nobody")
        let text = String(decoding: file, as: UTF8.self)
        #expect(text.hasPrefix("From alice@example.test  Tue Nov 14 22:13:20 2023\nReturn-Path: <alice@example.test>\nDelivered-To: nobody@localhost\n"))
        #expect(text.contains("\n>From the start\n"))
        #expect(!file.contains(13))
        #expect(text.hasSuffix("no final newline\n\n"))
        let entries = MboxReader.read(file)
        #expect(entries.map(\.envelope) == ["alice@example.test  Tue Nov 14 22:13:20 2023", "MAILER-DAEMON  Tue Nov 14 22:14:20 2023"])
        #expect(entries.first?.message == MailboxFixture.delivered(first, sender: "alice@example.test", recipient: "nobody@localhost"))
        #expect(entries.last?.message == MailboxFixture.delivered(second + [13, 10], sender: "", recipient: "nobody@localhost"))
    }

    @Test func createsTheMailboxOwnedByTheAccountAndGroupMailMode0600() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try MboxDeliveryAgent(spoolDirectory: dir.path + "/")
            .deliver(MailboxFixture.message(subject: "s", body: "b\r\n"), sender: "a@b", recipient: "nobody", arrival: 0, to: nobody)
        let info = try #require(MailboxFixture.status(dir.path + "/nobody"))
        #expect(info.st_mode & 0o7777 == 0o600)
        #expect((info.st_mode & S_IFMT) == S_IFREG)
        if geteuid() == 0 {
            #expect(info.st_uid == nobody.uid)
            #expect(info.st_gid == SystemAccount.mailGroupID() ?? nobody.gid)
        } else {
            #expect(info.st_uid == geteuid())
        }
    }

    @Test func keepsTheModeOfAnExistingMailbox() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let agent = MboxDeliveryAgent(spoolDirectory: dir.path)
        try agent.deliver(MailboxFixture.message(subject: "s", body: "b\r\n"), sender: "a@b", recipient: "nobody", arrival: 0, to: nobody)
        #expect(chmod(dir.path + "/nobody", 0o660) == 0)
        try agent.deliver(MailboxFixture.message(subject: "t", body: "c\r\n"), sender: "a@b", recipient: "nobody", arrival: 0, to: nobody)
        #expect(MailboxFixture.status(dir.path + "/nobody").map { $0.st_mode & 0o7777 } == 0o660)
        #expect(MboxReader.read(MailboxFixture.bytes(dir.path + "/nobody")).count == 2)
    }

    @Test func refusesASymbolicLinkMailboxPermanently() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try MailboxFixture.createFile(dir.path + "/elsewhere")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/nobody", withDestinationPath: dir.path + "/elsewhere")
        let error = #expect(throws: MailboxDeliveryError.self) {
            try MboxDeliveryAgent(spoolDirectory: dir.path)
                .deliver(MailboxFixture.message(subject: "s", body: "b"), sender: "a@b", recipient: "nobody", arrival: 0, to: nobody)
        }
        #expect(error == .permanent("mailbox \(dir.path)/nobody is a symbolic link"))
        #expect(MailboxFixture.size(dir.path + "/elsewhere") == 6)
    }

    @Test(arguments: ["", ".", "..", "../etc/passwd"])
    func refusesNamesOutsideTheSpoolPermanently(name: String) throws {
        let account = SystemAccount(name: name, uid: nobody.uid, gid: nobody.gid, home: "/nonexistent")
        let error = #expect(throws: MailboxDeliveryError.self) {
            try MboxDeliveryAgent(spoolDirectory: "/var/mail")
                .deliver([], sender: "a@b", recipient: "x", arrival: 0, to: account)
        }
        #expect(error?.reason.contains("outside the spool directory") == true)
        guard case .permanent = error else { Issue.record("not permanent"); return }
    }

    @Test(.enabled(if: geteuid() == 0, "as root the mailbox must belong to the account"))
    func refusesAMailboxOwnedBySomeoneElsePermanently() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try MailboxFixture.createFile(dir.path + "/nobody")
        let error = #expect(throws: MailboxDeliveryError.self) {
            try MboxDeliveryAgent(spoolDirectory: dir.path)
                .deliver(MailboxFixture.message(subject: "s", body: "b"), sender: "a@b", recipient: "nobody", arrival: 0, to: nobody)
        }
        #expect(error == .permanent("mailbox \(dir.path)/nobody is owned by uid 0, not by nobody (uid \(nobody.uid))"))
        #expect(MailboxFixture.size(dir.path + "/nobody") == 6)
    }

    @Test func aHeldDotlockDefersAndLeavesTheMailboxAlone() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let agent = MboxDeliveryAgent(spoolDirectory: dir.path, lockTimeout: .milliseconds(250))
        try agent.deliver(MailboxFixture.message(subject: "s", body: "b\r\n"), sender: "a@b", recipient: "nobody", arrival: 0, to: nobody)
        let before = MailboxFixture.size(dir.path + "/nobody")
        try MailboxFixture.createFile(dir.path + "/nobody.lock", age: 10)
        let error = #expect(throws: MailboxDeliveryError.self) {
            try agent.deliver(MailboxFixture.message(subject: "t", body: "c\r\n"), sender: "a@b", recipient: "nobody", arrival: 0, to: nobody)
        }
        guard case .temporary = error else { Issue.record("not temporary: \(String(describing: error))"); return }
        #expect(MailboxFixture.size(dir.path + "/nobody") == before)
    }

    @Test func aStaleDotlockIsRemovedAndDeliveryProceeds() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try MailboxFixture.createFile(dir.path + "/nobody.lock", age: 600)
        try MboxDeliveryAgent(spoolDirectory: dir.path, lockTimeout: .milliseconds(250))
            .deliver(MailboxFixture.message(subject: "s", body: "b\r\n"), sender: "a@b", recipient: "nobody", arrival: 0, to: nobody)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/nobody.lock"))
        #expect(MboxReader.read(MailboxFixture.bytes(dir.path + "/nobody")).count == 1)
    }

    @Test func eightConcurrentDeliveriesLeaveEightIntactMessages() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let agent = MboxDeliveryAgent(spoolDirectory: dir.path)
        let account = nobody
        let failures = Mutex<[String]>([])
        let body = String(repeating: "From here a line long enough to need several writes\r\n", count: 2000)
        let group = DispatchGroup()
        for n in 0..<8 {
            group.enter()
            Thread {
                do {
                    try agent.deliver(MailboxFixture.message(subject: "message \(n)", body: body), sender: "s\(n)@example.test",
                                      recipient: "nobody", arrival: 1_700_000_000, to: account)
                } catch {
                    failures.withLock { $0.append("\(n): \(error)") }
                }
                group.leave()
            }.start()
        }
        group.wait()
        #expect(failures.withLock { $0 } == [])
        let entries = MboxReader.read(MailboxFixture.bytes(dir.path + "/nobody"))
        #expect(entries.count == 8)
        let expected = (0..<8).map {
            MailboxFixture.delivered(MailboxFixture.message(subject: "message \($0)", body: body), sender: "s\($0)@example.test", recipient: "nobody")
        }
        #expect(Set(entries.map(\.message)) == Set(expected))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/nobody.lock"))
    }
}
