import MailboxAccess
import Testing

/// SELECT, FETCH, STORE, SEARCH, APPEND, COPY, MOVE and EXPUNGE on a real store.
@Suite struct IMAPMessageTests {
    func selectedClient(_ server: IMAPTestServer, messages: Int = 3) async throws -> IMAPTestClient {
        for number in 1...messages { try await server.deliver(subject: "Message \(number)", body: "Body number \(number) with word\(number)") }
        let client = await server.connect()
        _ = await client.login()
        let select = await client.command("s1 SELECT INBOX")
        #expect(select.contains("* \(messages) EXISTS"))
        #expect(select.contains("[UIDNEXT \(messages + 1)]"))
        #expect(select.contains("s1 OK [READ-WRITE]"))
        return client
    }

    @Test func fetchItems() async throws {
        let server = try await IMAPTestServer()
        let client = try await selectedClient(server)
        let fast = await client.command("f1 FETCH 1:* (UID FLAGS RFC822.SIZE INTERNALDATE)")
        #expect(fast.contains("* 1 FETCH (UID 1 FLAGS () RFC822.SIZE "))
        #expect(fast.contains("* 3 FETCH (UID 3"))
        let envelope = await client.command("f2 FETCH 2 (ENVELOPE BODYSTRUCTURE)")
        #expect(envelope.contains("ENVELOPE (\"Mon, 7 Feb 1994 21:52:25 -0800\" \"Message 2\" ((\"Bob\" NIL \"bob\" \"example.test\"))"))
        #expect(envelope.contains("BODYSTRUCTURE (\"text\" \"plain\""))
        let peek = await client.command("f3 FETCH 1 (BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
        #expect(peek.contains("BODY[HEADER.FIELDS (SUBJECT)] {22}\r\nSubject: Message 1\r\n\r\n"))
        #expect(!peek.contains("\\Seen"))
        let body = await client.command("f4 FETCH 1 BODY[TEXT]<0.4>")
        #expect(body.contains("BODY[TEXT]<0> {4}\r\nBody"))
        #expect(body.contains("FLAGS (\\Seen)"))
        let uid = await client.command("f5 UID FETCH 2:3 (FLAGS) (CHANGEDSINCE 1)")
        #expect(uid.contains("* 2 FETCH (UID 2 FLAGS () MODSEQ ("))
        let binary = await client.command("f6 FETCH 3 (BINARY.SIZE[1] RFC822.HEADER)")
        #expect(binary.contains("BINARY.SIZE[1] 26"))
        #expect(await client.command("f7 FETCH 9 FLAGS").contains("f7 BAD"))
        #expect(await client.command("f8 UID FETCH 9 FLAGS").hasPrefix("f8 OK"))
    }

    @Test func storeFlagsAndConditionalStore() async throws {
        let server = try await IMAPTestServer()
        let client = try await selectedClient(server)
        let store = await client.command("t1 STORE 1:2 +FLAGS (\\Flagged $Work)")
        #expect(store.contains("* 1 FETCH (FLAGS (\\Flagged $Work))"))
        let silent = await client.command("t2 STORE 1 -FLAGS.SILENT ($Work)")
        #expect(silent == "t2 OK STORE completed\r\n")
        let modseqs = await client.command("t3 FETCH 3 MODSEQ")
        #expect(modseqs.contains("MODSEQ ("))
        let conditional = await client.command("t4 UID STORE 1,3 (UNCHANGEDSINCE 1) +FLAGS (\\Seen)")
        #expect(conditional.contains("t4 OK [MODIFIED 1,3]"))
        let examine = await client.command("t5 EXAMINE INBOX")
        #expect(examine.contains("[READ-ONLY]"))
        #expect(await client.command("t6 STORE 1 +FLAGS (\\Seen)").hasPrefix("t6 NO [READ-ONLY]"))
    }

    @Test func searchKeys() async throws {
        let server = try await IMAPTestServer()
        let client = try await selectedClient(server, messages: 4)
        _ = await client.command("x1 STORE 2 +FLAGS (\\Seen)")
        #expect(await client.command("x2 SEARCH UNSEEN").hasPrefix("* SEARCH 1 3 4\r\n"))
        #expect(await client.command("x3 SEARCH SUBJECT \"message 3\"").hasPrefix("* SEARCH 3\r\n"))
        #expect(await client.command("x4 UID SEARCH BODY word4").hasPrefix("* SEARCH 4\r\n"))
        #expect(await client.command("x5 SEARCH OR SEEN FROM nobody").hasPrefix("* SEARCH 2\r\n"))
        #expect(await client.command("x6 SEARCH NOT 1:2 SENTSINCE 1-Feb-1994").hasPrefix("* SEARCH 3 4\r\n"))
        #expect(await client.command("x7 SEARCH LARGER 10 SMALLER 5").hasPrefix("* SEARCH\r\n"))
        let esearch = await client.command("x8 SEARCH RETURN (MIN MAX COUNT ALL) UNSEEN")
        #expect(esearch.hasPrefix("* ESEARCH (TAG \"x8\") MIN 1 MAX 4 COUNT 3 ALL 1,3:4"))
        #expect(await client.command("x9 SEARCH HEADER Message-ID \"<2@\"").hasPrefix("* SEARCH 2\r\n"))
        #expect(await client.command("y1 SEARCH CHARSET KOI8 ALL").hasPrefix("y1 NO [BADCHARSET"))
    }

    @Test func appendCopyMove() async throws {
        let server = try await IMAPTestServer(messageSizeLimit: 1000)
        let client = try await selectedClient(server, messages: 2)
        let message = "Subject: appended\r\n\r\nHi\r\n"
        let continuation = await client.send("p1 APPEND Drafts (\\Draft) \"01-Jan-2024 10:00:00 +0000\" {\(message.utf8.count)}\r\n")
        #expect(continuation.hasPrefix("+ "))
        let appended = await client.send(message + "\r\n")
        #expect(appended.contains("p1 OK [APPENDUID "))
        #expect(await client.command("p2 APPEND Nowhere {2+}\r\nHi").hasPrefix("p2 NO [TRYCREATE]"))
        let big = String(repeating: "x", count: 1200)
        #expect(await client.command("p3 APPEND INBOX {1200+}\r\n\(big)").contains("p3 NO [TOOBIG]"))
        let copy = await client.command("p4 COPY 1:2 Archive")
        #expect(copy.contains("p4 OK [COPYUID "))
        #expect(copy.contains(" 1:2 1:2]"))
        let move = await client.command("p5 UID MOVE 1 Trash")
        #expect(move.hasPrefix("* OK [COPYUID "))
        #expect(move.contains("* 1 EXPUNGE"))
        #expect(await client.command("p6 STATUS Trash (MESSAGES)").hasPrefix("* STATUS Trash (MESSAGES 1)"))
        #expect(await client.command("p7 COPY 1 Missing").hasPrefix("p7 NO [TRYCREATE]"))
        let drafts = await client.command("p8 SELECT Drafts")
        #expect(drafts.contains("* 1 EXISTS"))
        let fetched = await client.command("p9 FETCH 1 (FLAGS INTERNALDATE BODY[])")
        #expect(fetched.contains("FLAGS (\\Draft \\Seen)") || fetched.contains("FLAGS (\\Draft)"))
        #expect(fetched.contains("INTERNALDATE \"01-Jan-2024 10:00:00 +0000\""))
        #expect(fetched.contains("Subject: appended"))
    }

    @Test func expungeAndClose() async throws {
        let server = try await IMAPTestServer()
        let client = try await selectedClient(server, messages: 4)
        _ = await client.command("e1 STORE 2,4 +FLAGS.SILENT (\\Deleted)")
        let expunge = await client.command("e2 UID EXPUNGE 4")
        #expect(expunge == "* 4 EXPUNGE\r\ne2 OK UID EXPUNGE completed\r\n")
        let all = await client.command("e3 EXPUNGE")
        #expect(all == "* 2 EXPUNGE\r\ne3 OK EXPUNGE completed\r\n")
        _ = await client.command("e4 STORE 1 +FLAGS.SILENT (\\Deleted)")
        #expect(await client.command("e5 CLOSE") == "e5 OK CLOSE completed\r\n")
        #expect(await client.command("e6 STATUS INBOX (MESSAGES DELETED)").hasPrefix("* STATUS INBOX (MESSAGES 1 DELETED 0)"))
    }

    @Test func changesOfOtherSessionsAppearAtTheNextCommand() async throws {
        let server = try await IMAPTestServer()
        let first = try await selectedClient(server, messages: 3)
        let second = await server.connect()
        _ = await second.login()
        _ = await second.command("s1 SELECT INBOX")
        _ = await first.command("a1 STORE 2 +FLAGS (\\Deleted \\Seen)")
        let seen = await second.command("b1 NOOP")
        #expect(seen.contains("* 2 FETCH (UID 2 FLAGS (\\Deleted \\Seen))"))
        _ = await first.command("a2 EXPUNGE")
        let duringFetch = await second.command("b2 FETCH 1:3 (UID)")
        #expect(!duringFetch.contains("EXPUNGE"))
        #expect(duringFetch.contains("* 3 FETCH (UID 3)"))
        let noop = await second.command("b3 NOOP")
        #expect(noop.contains("* 2 EXPUNGE"))
        try await server.deliver(subject: "new")
        let exists = await second.command("b4 NOOP")
        #expect(exists.contains("* 3 EXISTS"))
        #expect(await second.command("b5 FETCH 3 (UID)").contains("* 3 FETCH (UID 4)"))
    }

    @Test func idlePushesNewMailAndEndsWithDone() async throws {
        let server = try await IMAPTestServer()
        let client = try await selectedClient(server, messages: 1)
        client.connection.setPushSink(MailboxPush { bytes in client.pushed.withLockedValue { $0 += String(decoding: bytes, as: UTF8.self) } })
        let idling = await client.command("i1 IDLE")
        #expect(idling == "+ idling\r\n")
        try await server.deliver(subject: "while idle")
        for _ in 0..<40 where !client.pushed.withLockedValue({ $0.contains("EXISTS") }) { try await Task.sleep(for: .milliseconds(100)) }
        #expect(client.pushed.withLockedValue { $0 } == "* 2 EXISTS\r\n")
        let other = await server.connect()
        _ = await other.login()
        _ = await other.command("o1 SELECT INBOX")
        _ = await other.command("o2 STORE 1 +FLAGS (\\Flagged)")
        for _ in 0..<20 where !client.pushed.withLockedValue({ $0.contains("FETCH") }) { try await Task.sleep(for: .milliseconds(50)) }
        #expect(client.pushed.withLockedValue { $0 }.contains("* 1 FETCH (UID 1 FLAGS (\\Flagged))"))
        #expect(await client.command("DONE") == "i1 OK IDLE terminated\r\n")
        #expect(await client.command("i2 NOOP") == "i2 OK NOOP completed\r\n")
    }

    /// RFC 2177 §3: only DONE may follow IDLE. A command sent anyway ends
    /// IDLE with BAD and still gets its own tagged answer, even one with a literal.
    @Test func commandDuringIdleEndsItAndIsAnswered() async throws {
        let server = try await IMAPTestServer()
        let client = try await selectedClient(server, messages: 1)
        #expect(await client.command("i1 IDLE") == "+ idling\r\n")
        #expect(await client.command("a2 NOOP") == "i1 BAD Expected DONE\r\na2 OK NOOP completed\r\n")
        #expect(await client.command("i2 IDLE") == "+ idling\r\n")
        let examine = await client.send("a3 EXAMINE {5}\r\nINBOX\r\n")
        #expect(examine.hasPrefix("i2 BAD Expected DONE\r\n+ Ready for literal data\r\n"))
        #expect(examine.contains("a3 OK [READ-ONLY] EXAMINE completed"))
    }
}
