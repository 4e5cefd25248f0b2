import Testing

/// SORT, THREAD (RFC 5256) and the saved search result of SEARCHRES
/// (RFC 5182) over a real store.
@Suite struct IMAPSortSearchTests {
    /// 1 "Re: beta" from zed (latest), 2 "alpha" from amy, 3 "beta" from
    /// yan, a reply to 1, 4 "Alpha" from bob (earliest).
    func mailbox() async throws -> IMAPTestServer {
        let server = try await IMAPTestServer()
        try await server.deliver(subject: "Re: beta", body: "one", from: "zed@example.test", date: "Tue, 8 Feb 1994 10:00:00 +0000")
        try await server.deliver(subject: "alpha", body: "two", from: "amy@example.test", date: "Mon, 7 Feb 1994 10:00:00 +0000")
        try await server.deliver(subject: "beta", body: "three", from: "yan@example.test", date: "Mon, 7 Feb 1994 12:00:00 +0000",
                                 headers: "In-Reply-To: <1@example.test>\r\n")
        try await server.deliver(subject: "Alpha", body: "four", date: "Sun, 6 Feb 1994 23:00:00 -0800")
        return server
    }

    @Test func sortCriteria() async throws {
        let server = try await mailbox()
        let client = await server.selectedClient()
        #expect(await client.command("o1 SORT (SUBJECT) UTF-8 ALL") == "* SORT 2 4 1 3\r\no1 OK SORT completed\r\n")
        #expect(await client.command("o2 SORT (DATE) US-ASCII ALL").hasPrefix("* SORT 4 2 3 1\r\n"))
        #expect(await client.command("o3 SORT (REVERSE ARRIVAL) UTF-8 ALL").hasPrefix("* SORT 4 3 2 1\r\n"))
        #expect(await client.command("o4 SORT (FROM SUBJECT) UTF-8 NOT BODY four").hasPrefix("* SORT 2 3 1\r\n"))
        #expect(await client.command("o5 UID SORT (SUBJECT REVERSE DATE) UTF-8 2:4").hasPrefix("* SORT 2 4 3\r\n"))
        #expect(await client.command("o6 SORT (DISPLAYFROM) UTF-8 ALL").hasPrefix("* SORT 1 2 3 4\r\n"))
        #expect(await client.command("o7 SORT (SIZE) UTF-8 SUBJECT nothing").hasPrefix("* SORT\r\n"))
        #expect(await client.command("o8 SORT (SUBJECT) KOI8-R ALL").hasPrefix("o8 NO [BADCHARSET (US-ASCII UTF-8)]"))
        #expect(await client.command("o9 SORT (SUBJECT UNKNOWN) UTF-8 ALL").hasPrefix("o9 BAD"))
    }

    @Test func threads() async throws {
        let server = try await mailbox()
        let client = await server.selectedClient()
        #expect(await client.command("t1 THREAD ORDEREDSUBJECT UTF-8 ALL") == "* THREAD (4 2)(3 1)\r\nt1 OK THREAD completed\r\n")
        #expect(await client.command("t2 THREAD REFERENCES UTF-8 ALL").hasPrefix("* THREAD ((4)(2))(1 3)\r\n"))
        #expect(await client.command("t3 UID THREAD REFERENCES UTF-8 1:3").hasPrefix("* THREAD (2)(1 3)\r\n"))
        #expect(await client.command("t4 THREAD REFERENCES UTF-8 SUBJECT nothing").hasPrefix("* THREAD\r\n"))
        #expect(await client.command("t5 THREAD SUBJECTS UTF-8 ALL").hasPrefix("t5 BAD"))
    }

    @Test func savedResultFeedsLaterCommands() async throws {
        let server = try await mailbox()
        let client = await server.selectedClient()
        #expect(await client.command("r1 SEARCH RETURN (SAVE) SUBJECT beta") == "r1 OK SEARCH completed\r\n")
        let fetched = await client.command("r2 FETCH $ (UID)")
        #expect(fetched == "* 1 FETCH (UID 1)\r\n* 3 FETCH (UID 3)\r\nr2 OK FETCH completed\r\n")
        #expect(await client.command("r3 UID SEARCH UID $ BODY three").hasPrefix("* SEARCH 3\r\n"))
        #expect(await client.command("r4 SEARCH OR $ 2 NOT 1").hasPrefix("* SEARCH 2 3\r\n"))
        #expect(await client.command("r5 UID STORE $ +FLAGS.SILENT (\\Deleted)") == "r5 OK UID STORE completed\r\n")
        #expect(await client.command("r6 UID EXPUNGE 1") == "* 1 EXPUNGE\r\nr6 OK UID EXPUNGE completed\r\n")
        #expect(await client.command("r7 UID FETCH $ (FLAGS)").hasPrefix("* 2 FETCH (UID 3 FLAGS (\\Deleted))\r\nr7 OK"))
        let min = await client.command("r8 SEARCH RETURN (SAVE MIN) ALL")
        #expect(min.hasPrefix("* ESEARCH (TAG \"r8\") MIN 1\r\n"))
        #expect(await client.command("r9 FETCH $ (UID)") == "* 1 FETCH (UID 2)\r\nr9 OK FETCH completed\r\n")
        #expect(await client.command("s1 SEARCH RETURN (SAVE) CHARSET KOI8-R ALL").hasPrefix("s1 NO [BADCHARSET"))
        #expect(await client.command("s2 FETCH $ (UID)") == "s2 OK FETCH completed\r\n")
        _ = await client.command("s3 SEARCH RETURN (SAVE) ALL")
        _ = await client.command("s4 SELECT INBOX")
        #expect(await client.command("s5 FETCH $ (UID)") == "s5 OK FETCH completed\r\n")
    }
}
