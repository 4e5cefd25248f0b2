@testable import CarrierStore
@testable import MailboxAccess
import IMAPProtocol
import Testing

/// QRESYNC (RFC 7162 §3.2): expunges are remembered with their
/// mod-sequence, reported as VANISHED, and a client reselecting with what
/// it knew learns exactly what it missed.
@Suite struct IMAPQResyncTests {
    static func value(_ code: String, in text: String) -> String {
        guard let range = text.range(of: "[\(code) ") else { return "" }
        return String(text[range.upperBound...].prefix { $0 != "]" })
    }

    @Test func reselectLearnsWhatAnotherSessionChanged() async throws {
        let server = try await IMAPTestServer()
        for number in 1...4 { try await server.deliver(subject: "Message \(number)") }
        let client = await server.connect()
        _ = await client.login()
        #expect(await client.command("q0 SELECT INBOX (QRESYNC (1 1))").hasPrefix("q0 BAD"))
        #expect(await client.command("q1 ENABLE QRESYNC").hasPrefix("* ENABLED QRESYNC\r\n"))
        let select = await client.command("q2 SELECT INBOX")
        let validity = Self.value("UIDVALIDITY", in: select)
        let modseq = Self.value("HIGHESTMODSEQ", in: select)
        _ = await client.command("q3 LOGOUT")

        let other = await server.selectedClient()
        _ = await other.command("o1 STORE 2,4 +FLAGS.SILENT (\\Deleted)")
        _ = await other.command("o2 EXPUNGE")
        _ = await other.command("o3 STORE 1 +FLAGS (\\Flagged)")
        #expect(try await server.store.expunge(mailboxID: 1, uids: [3]) == 1)

        let again = await server.connect()
        _ = await again.login()
        _ = await again.command("r1 ENABLE QRESYNC")
        let resync = await again.command("r2 SELECT INBOX (QRESYNC (\(validity) \(modseq) 1:4))")
        #expect(resync.contains("* 1 EXISTS\r\n"))
        #expect(resync.contains("* VANISHED (EARLIER) 2:4\r\n"))
        #expect(resync.contains("* 1 FETCH (UID 1 FLAGS (\\Flagged) MODSEQ ("))
        #expect(resync.range(of: "VANISHED")!.lowerBound < resync.range(of: "FETCH")!.lowerBound)
        let fetch = await again.command("r3 UID FETCH 1:* (FLAGS) (CHANGEDSINCE \(modseq) VANISHED)")
        #expect(fetch.hasPrefix("* VANISHED (EARLIER) 2:4\r\n* 1 FETCH (UID 1 FLAGS (\\Flagged) MODSEQ ("))
        let wrongValidity = await again.command("r4 EXAMINE INBOX (QRESYNC (1 \(modseq)))")
        #expect(!wrongValidity.contains("VANISHED") && !wrongValidity.contains("FETCH"))
        #expect(await again.command("r5 FETCH 1 (FLAGS) (CHANGEDSINCE 1 VANISHED)").hasPrefix("r5 BAD"))
    }

    @Test func expungesAreVanishedOnceEnabled() async throws {
        let server = try await IMAPTestServer()
        for number in 1...3 { try await server.deliver(subject: "Message \(number)") }
        let client = await server.selectedClient("ENABLE QRESYNC")
        let watcher = await server.selectedClient("ENABLE QRESYNC")
        _ = await client.command("x1 STORE 1,3 +FLAGS.SILENT (\\Deleted)")
        let expunge = await client.command("x2 EXPUNGE")
        #expect(expunge.hasPrefix("* VANISHED 1,3\r\nx2 OK [HIGHESTMODSEQ "))
        let noop = await watcher.command("w1 NOOP")
        #expect(noop.contains("* VANISHED 1,3\r\n"))
        #expect(!noop.contains("EXPUNGE"))
        let plain = await server.selectedClient()
        _ = await watcher.command("w2 STORE 1 +FLAGS.SILENT (\\Deleted)")
        _ = await watcher.command("w3 MOVE 1 Trash")
        #expect(await plain.command("p1 NOOP").contains("* 1 EXPUNGE\r\n"))
    }

    @Test func storeRemembersExpungesWithTheirModSeq() async throws {
        let server = try await IMAPTestServer()
        for number in 1...3 { try await server.deliver(subject: "Message \(number)") }
        let before = try #require(try await server.store.mailbox(id: 1)).highestModSeq
        #expect(try await server.store.expunge(mailboxID: 1, uids: [2, 9]) == 1)
        let after = try #require(try await server.store.mailbox(id: 1)).highestModSeq
        #expect(after == before + 1)
        #expect(try await server.store.expunged(mailboxID: 1, sinceModSeq: before) == IMAPExpungedUIDs(uids: [2], complete: true))
        #expect(try await server.store.expunged(mailboxID: 1, sinceModSeq: after).uids.isEmpty)
        #expect(try await server.store.expunge(mailboxID: 1, uids: [2]) == 0)
        #expect(try #require(try await server.store.mailbox(id: 1)).highestModSeq == after)
    }

    @Test func missingUIDsAndSequenceMatch() throws {
        let mailbox = MailboxRecord(id: 1, userID: 1, name: "INBOX", uidValidity: 7, uidNext: 30, highestModSeq: 9)
        let records = [3, 6, 9, 12].map {
            MessageRecord(mailboxID: 1, uid: $0, modSeq: 1, flags: [], internalDate: 0, size: 1, bodyHash: "h", queueID: nil)
        }
        let view = IMAPMailboxView(mailbox: mailbox, messages: records, readOnly: false)
        let all = IMAPNumberSet(normalizing: [1...40])
        #expect(IMAPConnection.missing(view, in: all, above: 0).description == "1:2,4:5,7:8,10:11,13:29")
        #expect(IMAPConnection.missing(view, in: all, above: 9).description == "10:11,13:29")
        #expect(IMAPConnection.missing(view, in: IMAPNumberSet([3, 4, 12]), above: 0).description == "4")
        let numbers = IMAPSequenceSet.ranges([IMAPSequenceRange(.number(1)), IMAPSequenceRange(.number(3)), IMAPSequenceRange(.number(4))])
        let matching = IMAPSequenceSet.ranges([IMAPSequenceRange(.number(3)), IMAPSequenceRange(.number(9)), IMAPSequenceRange(.number(13))])
        #expect(IMAPConnection.matchedUID(view, numbers: numbers, uids: matching) == 9)
        #expect(IMAPConnection.matchedUID(view, numbers: nil, uids: nil) == 0)
    }
}
