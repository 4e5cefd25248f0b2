import Foundation
import MailCore
import Testing
@testable import LocalDelivery

/// Tests that change process-wide state (a file size limit, the user id) and so
/// run in a child process of their own (Swift Testing exit tests).
@Suite struct MboxDeliveryProcessTests {
    /// A real partial write: `RLIMIT_FSIZE` lets the first bytes through and then
    /// fails with `EFBIG`; the mailbox must be cut back to its old size.
    @Test func aFailedWriteLeavesTheMailboxAsItWas() async {
        await #expect(processExitsWith: .success) {
            let dir = NSTemporaryDirectory() + "carrier-fsize-\(getpid())"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let account = SystemAccount(name: "someone", uid: geteuid(), gid: getegid(), home: dir)
            let agent = MboxDeliveryAgent(spoolDirectory: dir)
            try agent.deliver(Array("Subject: one\r\n\r\nkept\r\n".utf8), sender: "a@b", recipient: "c", arrival: 0, to: account)
            let before = MailboxFixture.bytes(dir + "/someone")
            signal(SIGXFSZ, SIG_IGN)
            var limit = rlimit(rlim_cur: rlim_t(before.count + 100), rlim_max: rlim_t.max)
            try MailboxFixture.check(setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0, "setrlimit")
            let big = Array("Subject: two\r\n\r\n".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 10_000)
            do {
                try agent.deliver(big, sender: "a@b", recipient: "c", arrival: 0, to: account)
                try MailboxFixture.check(false, "the oversized delivery succeeded")
            } catch let error as MailboxDeliveryError {
                try MailboxFixture.check(error == .temporary("cannot append to mailbox \(dir)/someone: File too large"), "error \(error)")
            }
            try MailboxFixture.check(MailboxFixture.bytes(dir + "/someone") == before, "mailbox changed")
            try MailboxFixture.check(!FileManager.default.fileExists(atPath: dir + "/someone.lock"), "dotlock left behind")
        }
    }

    /// Not root: mail is written as the current user and nothing is chowned.
    @Test(.enabled(if: geteuid() == 0, "needs root to become nobody"))
    func deliversAsAnOrdinaryUser() async {
        await #expect(processExitsWith: .success) {
            let nobody = try #require(SystemAccount.lookup("nobody"))
            let dir = NSTemporaryDirectory() + "carrier-nobody-\(getpid())"
            try MailboxFixture.check(mkdir(dir, 0o755) == 0 && chown(dir, nobody.uid, nobody.gid) == 0, "spool directory")
            let foreign = dir + "/root"
            try MailboxFixture.createFile(foreign)
            try MailboxFixture.check(chmod(foreign, 0o666) == 0, "chmod")
            try MailboxFixture.check(setgroups(0, nil) == 0 && setgid(nobody.gid) == 0 && setuid(nobody.uid) == 0, "drop privileges")
            defer { try? FileManager.default.removeItem(atPath: dir) }

            let agent = MboxDeliveryAgent(spoolDirectory: dir)
            try agent.deliver(Array("Subject: hi\r\n\r\nbody\r\n".utf8), sender: "a@b", recipient: "nobody", arrival: 0, to: nobody)
            let info = MailboxFixture.status(dir + "/nobody")
            try MailboxFixture.check(info?.st_uid == nobody.uid && info?.st_gid == nobody.gid && info.map { $0.st_mode & 0o7777 } == 0o600, "owner and mode")
            try MailboxFixture.check(MboxReader.read(MailboxFixture.bytes(dir + "/nobody")).count == 1, "one message")

            let root = SystemAccount(name: "root", uid: 0, gid: 0, home: "/root")
            do {
                try agent.deliver(Array("Subject: x\r\n\r\ny\r\n".utf8), sender: "a@b", recipient: "root", arrival: 0, to: root)
                try MailboxFixture.check(false, "delivered into a mailbox owned by someone else")
            } catch MailboxDeliveryError.permanent(let reason) {
                try MailboxFixture.check(reason.contains("is owned by uid 0, not by root (uid \(nobody.uid))"), reason)
            }
        }
    }
}
