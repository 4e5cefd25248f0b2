import Foundation
import Testing

/// File-system helpers shared by the local delivery tests.
enum MailboxFixture {
    /// What an exit test's child throws (and so exits abnormally) when `what` does not hold.
    struct CheckFailed: Error {
        var what: String
    }

    static func check(_ condition: Bool, _ what: String) throws {
        guard condition else { throw CheckFailed(what: what) }
    }

    static func bytes(_ path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map(Array.init) ?? []
    }

    static func status(_ path: String) -> stat? {
        var info = stat()
        return lstat(path, &info) == 0 ? info : nil
    }

    static func size(_ path: String) -> Int {
        status(path).map { Int($0.st_size) } ?? -1
    }

    /// Creates `path` (e.g. a lock file) and sets its modification time `age` seconds back.
    static func createFile(_ path: String, age: Int = 0) throws {
        #expect(FileManager.default.createFile(atPath: path, contents: Data("12345\n".utf8)))
        let then = Date(timeIntervalSinceNow: -Double(age))
        try FileManager.default.setAttributes([.modificationDate: then], ofItemAtPath: path)
    }

    /// A CRLF message as the SMTP server stores it.
    static func message(subject: String, body: String) -> [UInt8] {
        Array("From: alice@example.test\r\nTo: bob@example.test\r\nSubject: \(subject)\r\n\r\n\(body)".utf8)
    }

    /// What a mail reader sees of `message` after local delivery: the two
    /// prepended headers and LF line ends.
    static func delivered(_ message: [UInt8], sender: String, recipient: String) -> [UInt8] {
        let text = String(decoding: message, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        return Array("Return-Path: <\(sender)>\nDelivered-To: \(recipient)\n\(text)".utf8)
    }
}
