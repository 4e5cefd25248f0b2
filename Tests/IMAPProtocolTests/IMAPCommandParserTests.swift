import Testing
@testable import IMAPProtocol

/// Commands from the examples of RFC 9051 §6 and the extension RFCs.
@Suite struct IMAPCommandParserTests {
    typealias P = ParserDriver

    @Test(arguments: [
        ("a001 CAPABILITY", IMAPCommand.capability), ("a002 NOOP", .noop), ("A023 LOGOUT", .logout),
        ("a002 STARTTLS", .startTLS), ("A202 NAMESPACE", .namespace), ("a001 IDLE", .idle),
        ("FXXZ CHECK", .check), ("A341 CLOSE", .close), ("A342 UNSELECT", .unselect), ("A202 EXPUNGE", .expunge),
        ("a1 noop", .noop),
    ])
    func commandsWithoutArguments(line: String, expected: IMAPCommand) {
        #expect(P.command(line) == expected)
    }

    @Test func tagIsKept() throws {
        let tagged = try P.result("A.b-1]x NOOP\r\n").get()
        #expect(tagged.tag == "A.b-1]x")
    }

    /// RFC 9051 §6.2.2 and RFC 4959 §3 (SASL-IR).
    @Test func authenticate() {
        #expect(P.command("A001 AUTHENTICATE GSSAPI") == .authenticate(mechanism: "GSSAPI", initialResponse: nil))
        #expect(P.command("a AUTHENTICATE plain AGZyZWQAdGVzdA==") == .authenticate(mechanism: "PLAIN", initialResponse: "AGZyZWQAdGVzdA=="))
        #expect(P.command("a AUTHENTICATE PLAIN =") == .authenticate(mechanism: "PLAIN", initialResponse: "="))
    }

    /// RFC 9051 §6.2.3, with quoted strings and a literal.
    @Test func login() {
        #expect(P.command("a001 LOGIN SMITH SESAME") == .login(username: "SMITH", password: "SESAME"))
        #expect(P.command("a LOGIN \"fred \\\"x\\\"\" \"p\\\\w\"") == .login(username: "fred \"x\"", password: "p\\w"))
        #expect(P.command("a LOGIN {4+}\r\nfr d {3+}\r\np w") == .login(username: "fr d", password: "p w"))
    }

    /// RFC 5161 §3.1 and RFC 9051 §6.3.1.
    @Test func enable() {
        #expect(P.command("t2 ENABLE CONDSTORE qresync") == .enable(["CONDSTORE", "QRESYNC"]))
        #expect(P.command("a ENABLE IMAP4rev2 UTF8=ACCEPT") == .enable(["IMAP4REV2", "UTF8=ACCEPT"]))
    }

    /// RFC 9051 §6.3.2 and §9: INBOX is case-insensitive.
    @Test func selectAndExamine() {
        #expect(P.command("A142 SELECT INBOX") == .select(mailbox: "INBOX", IMAPSelectParameters()))
        #expect(P.command("A142 SELECT inBox") == .select(mailbox: "INBOX", IMAPSelectParameters()))
        #expect(P.command("A932 EXAMINE blurdybloop") == .examine(mailbox: "blurdybloop", IMAPSelectParameters()))
        #expect(P.command("a SELECT \"~peter/mail/&U,BTFw-/&ZeVnLIqe-\"")
            == .select(mailbox: "~peter/mail/&U,BTFw-/&ZeVnLIqe-", IMAPSelectParameters()))
    }

    /// RFC 7162 §3.1.8 and §3.2.5 examples.
    @Test func selectWithCondStoreAndQResync() {
        #expect(P.command("A142 SELECT INBOX (CONDSTORE)") == .select(mailbox: "INBOX", IMAPSelectParameters(condStore: true)))
        let full = P.command("A02 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))")
        #expect(full == .select(mailbox: "INBOX", IMAPSelectParameters(qresync: IMAPQResyncParameters(
            uidValidity: 67890007, modSeq: 20050715194045000, knownUIDs: P.set("41,43:211,214:541")))))
        let match = P.command("B04 SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997 "
            + "(5000,7500,9000,9990:9999 15000,22500,27000,29970,29973,29976:29979)))")
        guard case .select(_, let parameters) = match, let q = parameters.qresync else { Issue.record(); return }
        #expect(q.knownUIDs == P.set("1:29997"))
        #expect(q.knownSequenceNumbers == P.set("5000,7500,9000,9990:9999"))
        #expect(q.knownSequenceUIDs == P.set("15000,22500,27000,29970,29973,29976:29979"))
        let noUIDs = P.command("a SELECT x (QRESYNC (1 2 (1:2 3:4)))")
        guard case .select(_, let p2) = noUIDs else { Issue.record(); return }
        #expect(p2.qresync?.knownUIDs == nil && p2.qresync?.knownSequenceNumbers == P.set("1:2"))
    }

    /// RFC 9051 §6.3.4–§6.3.8 and RFC 6154 §5.2 (CREATE with USE).
    @Test func mailboxManagement() {
        #expect(P.command("A003 CREATE owatagusiam/") == .create(mailbox: "owatagusiam/", specialUse: []))
        #expect(P.command("t1 CREATE \"Important Messages\" (USE (\\Important))")
            == .create(mailbox: "Important Messages", specialUse: [IMAPMailboxAttribute("\\Important")]))
        #expect(P.command("a CREATE Sent (USE (\\sent \\Drafts))") == .create(mailbox: "Sent", specialUse: [.sent, .drafts]))
        #expect(P.command("A683 DELETE blurdybloop") == .delete(mailbox: "blurdybloop"))
        #expect(P.command("A683 RENAME blurdybloop sarasoop") == .rename(from: "blurdybloop", to: "sarasoop"))
        #expect(P.command("A002 SUBSCRIBE #news.comp.mail.mime") == .subscribe(mailbox: "#news.comp.mail.mime"))
        #expect(P.command("A002 UNSUBSCRIBE {4+}\r\nm\u{e4}x") == .unsubscribe(mailbox: "m\u{e4}x"))
    }

    /// RFC 9051 §6.3.11, RFC 9208 §4.1.4, RFC 8438, RFC 7162 §3.1.6, RFC 7889.
    @Test func status() {
        #expect(P.command("A042 STATUS blurdybloop (UIDNEXT MESSAGES)") == .status(mailbox: "blurdybloop", [.uidNext, .messages]))
        #expect(P.command("a STATUS INBOX (messages uidnext uidvalidity unseen deleted deleted-storage size recent highestmodseq appendlimit)")
            == .status(mailbox: "INBOX", IMAPStatusAttribute.allCases))
    }

    @Test func namespaceIdAndCompress() {
        #expect(P.command("a023 ID (\"name\" \"sodr\" \"version\" \"19.34\" \"os\" NIL)")
            == .id([IMAPIDField("name", "sodr"), IMAPIDField("version", "19.34"), IMAPIDField("os", nil)]))
        #expect(P.command("a ID NIL") == .id(nil))
        #expect(P.command("a COMPRESS deflate") == .compress(mechanism: "DEFLATE"))
    }

    /// RFC 9208 §4.
    @Test func quotaCommands() {
        #expect(P.command("G0001 GETQUOTA \"!partition/sda4\"") == .getQuota(root: "!partition/sda4"))
        #expect(P.command("A003 GETQUOTAROOT INBOX") == .getQuotaRoot(mailbox: "INBOX"))
        #expect(P.command("S0000 SETQUOTA \"#user/alice\" (STORAGE 510)")
            == .setQuota(root: "#user/alice", [IMAPQuotaLimit(resource: "STORAGE", limit: 510)]))
        #expect(P.command("a SETQUOTA \"\" ()") == .setQuota(root: "", []))
    }

    /// RFC 9051 §6.4.7, §6.4.8, RFC 6851 §4, RFC 4315 §2.1.
    @Test func copyMoveAndUIDExpunge() {
        #expect(P.command("A003 COPY 2:4 MEETING") == .copy(P.set("2:4"), mailbox: "MEETING", uid: false))
        #expect(P.command("a UID MOVE 42:69 foo") == .move(P.set("42:69"), mailbox: "foo", uid: true))
        #expect(P.command("a MOVE $ Trash") == .move(.lastResult, mailbox: "Trash", uid: false))
        #expect(P.command("A003 UID EXPUNGE 3000:3002") == .uidExpunge(P.set("3000:3002")))
    }

    /// RFC 9051 §6.4.6, RFC 7162 §3.1.3.
    @Test func store() {
        #expect(P.command("A003 STORE 2:4 +FLAGS (\\Deleted)")
            == .store(P.set("2:4"), IMAPStoreRequest(operation: .add, flags: [.deleted]), uid: false))
        #expect(P.command("a UID STORE 1 -FLAGS.SILENT \\Seen $Junk")
            == .store(P.set("1"), IMAPStoreRequest(operation: .remove, silent: true, flags: [.seen, .keyword("$Junk")]), uid: true))
        #expect(P.command("d105 STORE 7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)")
            == .store(P.set("7,5,9"), IMAPStoreRequest(operation: .add, silent: true, flags: [.deleted], unchangedSince: 320162338), uid: false))
        #expect(P.command("a STORE 1 FLAGS ()") == .store(P.set("1"), IMAPStoreRequest(operation: .replace, flags: []), uid: false))
    }

    /// RFC 5256 §3 examples.
    @Test func sortAndThread() {
        #expect(P.command("A282 SORT (SUBJECT) UTF-8 SINCE 1-Feb-1994")
            == .sort(IMAPSortCommand(criteria: [IMAPSortCriterion(.subject)], charset: "UTF-8",
                                     keys: [.since(IMAPDate(year: 1994, month: 2, day: 1)!)]), uid: false))
        #expect(P.command("A283 SORT (SUBJECT REVERSE DATE) UTF-8 ALL")
            == .sort(IMAPSortCommand(criteria: [IMAPSortCriterion(.subject), IMAPSortCriterion(.date, reversed: true)],
                                     charset: "UTF-8", keys: [.all]), uid: false))
        #expect(P.command("A284 UID SORT (SUBJECT) US-ASCII TEXT \"not in mailbox\"")
            == .sort(IMAPSortCommand(criteria: [IMAPSortCriterion(.subject)], charset: "US-ASCII", keys: [.text("not in mailbox")]), uid: true))
        #expect(P.command("A283 THREAD ORDEREDSUBJECT UTF-8 SINCE 5-MAR-2000")
            == .thread(IMAPThreadCommand(algorithm: .orderedSubject, charset: "UTF-8",
                                         keys: [.since(IMAPDate(year: 2000, month: 3, day: 5)!)]), uid: false))
        #expect(P.command("A284 UID THREAD REFERENCES US-ASCII TEXT \"gewp\"")
            == .thread(IMAPThreadCommand(algorithm: .references, charset: "US-ASCII", keys: [.text("gewp")]), uid: true))
    }

    @Test func commandNames() {
        #expect(P.command("a UID FETCH 1 UID")?.name == "UID FETCH")
        #expect(P.command("a FETCH 1 UID")?.name == "FETCH")
        #expect(P.command("a LIST \"\" *")?.name == "LIST")
    }
}
