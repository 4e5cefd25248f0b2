import CarrierTesting
import Foundation
import Testing
@testable import LocalDelivery

@Suite struct MaildirDeliveryAgentTests {
    let nobody = SystemAccount.lookup("nobody")!

    func account(home: String) -> SystemAccount {
        SystemAccount(name: "nobody", uid: nobody.uid, gid: nobody.gid, home: home)
    }

    @Test func deliversIntoNewWithAUniqueNameAndLFContent() throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let agent = MaildirDeliveryAgent()
        let message = MailboxFixture.message(subject: "hello", body: "From me\r\nbye\r\n")
        let name = try agent.deliver(message, sender: "alice@example.test", recipient: "nobody@localhost", to: account(home: home.path))
        let pattern = #/^[0-9]+\.M[0-9]{1,6}P[0-9]+Q[0-9]+\.[^/:]+$/#
        #expect(name.wholeMatch(of: pattern) != nil, "\(name)")
        #expect(name.hasSuffix("P\(getpid())Q" + name.split(separator: "Q").last!))
        let maildir = home.path + "/Maildir"
        #expect(MailboxFixture.bytes("\(maildir)/new/\(name)")
            == MailboxFixture.delivered(message, sender: "alice@example.test", recipient: "nobody@localhost"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir).sorted() == ["cur", "new", "tmp"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir + "/tmp") == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir + "/cur") == [])

        let second = try agent.deliver(message, sender: "", recipient: "nobody@localhost", to: account(home: home.path))
        #expect(second != name)
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir + "/new").count == 2)
    }

    @Test func directoriesAndFileBelongToTheAccount() throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let name = try MaildirDeliveryAgent(mailboxPath: "Mail/inbox/")
            .deliver(Array("Subject: s\r\n\r\nb\r\n".utf8), sender: "a@b", recipient: "nobody", to: account(home: home.path))
        let expectedUID = geteuid() == 0 ? nobody.uid : geteuid()
        for path in ["Mail", "Mail/inbox", "Mail/inbox/tmp", "Mail/inbox/new", "Mail/inbox/cur"] {
            let info = MailboxFixture.status("\(home.path)/\(path)")
            #expect(info?.st_uid == expectedUID, "\(path)")
            #expect(info.map { $0.st_mode & 0o7777 } == 0o700, "\(path)")
        }
        let file = MailboxFixture.status("\(home.path)/Mail/inbox/new/\(name)")
        #expect(file?.st_uid == expectedUID)
        #expect(file.map { $0.st_mode & 0o7777 } == 0o600)
    }

    @Test func aSymbolicLinkInsideTheMaildirIsRefusedPermanently() throws {
        let home = try TemporaryDirectory()
        let target = try TemporaryDirectory()
        defer { home.remove(); target.remove() }
        try FileManager.default.createDirectory(atPath: home.path + "/Maildir", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: home.path + "/Maildir/tmp", withDestinationPath: target.path)
        let error = #expect(throws: MailboxDeliveryError.self) {
            try MaildirDeliveryAgent().deliver(Array("s".utf8), sender: "a@b", recipient: "nobody", to: account(home: home.path))
        }
        #expect(error == .permanent("maildir component \(home.path)/Maildir/tmp is not a directory (symbolic links are not followed)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == [])
    }

    @Test func aMissingHomeDefers() throws {
        let error = #expect(throws: MailboxDeliveryError.self) {
            try MaildirDeliveryAgent().deliver(Array("s".utf8), sender: "a@b", recipient: "x", to: account(home: "/nonexistent/home"))
        }
        #expect(error == .temporary("cannot open home directory /nonexistent/home: No such file or directory"))
    }

    @Test func hostNamesAreEscapedAsTheSpecSays() {
        #expect(MaildirUniqueName.escapedHostName("mail.example.test") == "mail.example.test")
        #expect(MaildirUniqueName.escapedHostName("a/b:c") == #"a\057b\072c"#)
        #expect(MaildirUniqueName.next().hasSuffix("." + MaildirUniqueName.escapedHostName(MaildirUniqueName.currentHostName())))
    }

    @Test func lineEndsBecomeLFAndLoneCarriageReturnsStay() {
        #expect(MaildirDeliveryAgent.lineFeedOnly(Array("a\r\nb\rc\n\r".utf8)) == Array("a\nb\rc\n\r".utf8))
    }
}
