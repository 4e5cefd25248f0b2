import CarrierTesting
import Foundation
import Testing
@testable import LocalDelivery

@Suite struct MailboxFileLockTests {
    @Test func createsTheMailboxAndRemovesTheDotlockAfterward() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/alice"
        let sawLock = try MailboxFileLock.withLock(path: path) { fd in
            #expect(fd >= 0)
            return FileManager.default.fileExists(atPath: path + ".lock")
        }
        #expect(sawLock)
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        #expect(MailboxFixture.status(path).map { $0.st_mode & 0o7777 } == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["alice"])
    }

    @Test func bothLocksAreReleasedWhenTheBodyThrows() throws {
        struct Failure: Error {}
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/alice"
        #expect(throws: Failure.self) { try MailboxFileLock.withLock(path: path) { _ in throw Failure() } }
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        try MailboxFileLock.withLock(path: path, timeout: .milliseconds(50)) { _ in }
    }

    @Test func aFreshDotlockMakesItWaitThenTimeOutTemporarily() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/alice"
        try MailboxFixture.createFile(path + ".lock")
        let started = ContinuousClock.now
        let error = #expect(throws: MailboxDeliveryError.self) {
            try MailboxFileLock.withLock(path: path, timeout: .milliseconds(300)) { _ in }
        }
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        guard case .temporary(let reason) = error else { Issue.record("not temporary: \(String(describing: error))"); return }
        #expect(reason.contains(path + ".lock"))
        #expect(FileManager.default.fileExists(atPath: path + ".lock"), "another process's lock is left alone")
    }

    @Test func aStaleDotlockIsRemoved() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/alice"
        try MailboxFixture.createFile(path + ".lock", age: 600)
        try MailboxFileLock.withLock(path: path, timeout: .milliseconds(300)) { _ in }
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
    }

    /// mutt and mailx take a classic `F_SETLK` write lock; ours must wait for it.
    @Test func aClassicFcntlLockMakesItTimeOut() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/alice"
        let fd = open(path, O_RDWR | O_CREAT, 0o600)
        defer { close(fd) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        #expect(fcntl(fd, F_SETLK, &lock) == 0)
        let error = #expect(throws: MailboxDeliveryError.self) {
            try MailboxFileLock.withLock(path: path, timeout: .milliseconds(200)) { _ in }
        }
        #expect(error?.reason.contains("fcntl lock") == true)
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"), "the dotlock is released on failure")
        lock.l_type = Int16(F_UNLCK)
        #expect(fcntl(fd, F_SETLK, &lock) == 0)
        try MailboxFileLock.withLock(path: path, timeout: .milliseconds(200)) { _ in }
    }

    @Test func theFcntlLockExcludesOtherThreadsOfThisProcess() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/alice"
        try MailboxFileLock.withLock(path: path) { _ in
            let fd = open(path, O_RDWR)
            defer { close(fd) }
            #expect(MailboxFileLock.setLock(fd, type: F_WRLCK) == -1)
        }
    }

    @Test func refusesASymbolicLinkADirectoryAndAHardLinkPermanently() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link", withDestinationPath: dir.path + "/target")
        try FileManager.default.createDirectory(atPath: dir.path + "/folder", withIntermediateDirectories: false)
        try MailboxFixture.createFile(dir.path + "/file")
        #expect(link(dir.path + "/file", dir.path + "/hardlink") == 0)
        for (name, problem) in [("link", "symbolic link"), ("folder", "not a regular file"), ("hardlink", "2 hard links")] {
            let error = #expect(throws: MailboxDeliveryError.self) {
                try MailboxFileLock.withLock(path: "\(dir.path)/\(name)", timeout: .milliseconds(100)) { _ in }
            }
            guard case .permanent(let reason) = error else { Issue.record("\(name): \(String(describing: error))"); continue }
            #expect(reason.contains(problem))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/target"), "the link was not followed")
    }

    @Test func uniqueTemporaryNamesSitBesideTheMailbox() {
        let a = DotLock.uniqueName(beside: "/var/mail/alice")
        #expect(a.hasPrefix("/var/mail/.alice.lk\(getpid())."))
        #expect(a != DotLock.uniqueName(beside: "/var/mail/alice"))
        #expect(DotLock.uniqueName(beside: "alice").hasPrefix(".alice.lk"))
    }
}
