import CarrierTesting
import Foundation
import Testing
@testable import CarrierStore

@Suite struct MaildropTests {
    @Test func submitListReadRemove() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let maildrop = Maildrop(dataDirectory: dir.path)
        let content = Array("Subject: dropped\r\n\r\n".utf8) + [UInt8](repeating: 65, count: 100_000)
        try maildrop.submit(queueID: "B2", sender: "root@host", recipients: ["a@x", "b@y"], content: content, submitter: "root", arrival: 7)
        try maildrop.submit(queueID: "A1", sender: "", recipients: ["c@z"], content: [], submitter: "root", arrival: 8)
        let entries = maildrop.entries()
        #expect(entries.map(\.envelope.queueID) == ["A1", "B2"])
        #expect(entries.map(\.size) == [0, content.count])
        #expect(entries[1].envelope.recipients == ["a@x", "b@y"])
        let (envelope, read) = try maildrop.read(queueID: "B2")
        #expect(envelope.arrival == 7 && read == content)
        try maildrop.remove(queueID: "B2")
        try maildrop.remove(queueID: "B2")
        #expect(maildrop.entries().map(\.envelope.queueID) == ["A1"])
    }
}
