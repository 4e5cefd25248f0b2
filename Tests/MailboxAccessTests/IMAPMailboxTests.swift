import Testing

/// CREATE, DELETE, RENAME, SUBSCRIBE, LIST, LSUB, STATUS.
@Suite struct IMAPMailboxTests {
    @Test func specialUseMailboxesAndList() async throws {
        let server = try await IMAPTestServer()
        let client = await server.connect()
        _ = await client.login()
        let list = await client.command("a1 LIST \"\" *")
        #expect(list.contains("* LIST (\\HasNoChildren) \"/\" INBOX"))
        #expect(list.contains("* LIST (\\HasNoChildren \\Sent) \"/\" Sent"))
        #expect(list.contains("\\Trash) \"/\" Trash"))
        #expect(await client.command("a2 CREATE Work/Projects").hasPrefix("a2 OK"))
        let percent = await client.command("a3 LIST \"\" %")
        #expect(percent.contains("* LIST (\\HasChildren) \"/\" Work"))
        #expect(!percent.contains("Work/Projects"))
        let children = await client.command("a4 LIST Work/ %")
        #expect(children.contains("Work/Projects"))
        let extended = await client.command("a5 LIST (SUBSCRIBED) \"\" * RETURN (STATUS (MESSAGES UIDNEXT))")
        #expect(extended.contains("\\Subscribed"))
        #expect(extended.contains("* STATUS INBOX (MESSAGES 0 UIDNEXT 1)"))
        #expect(await client.command("a6 LIST \"\" \"\"").hasPrefix("* LIST (\\Noselect) \"/\" \"\""))
    }

    @Test func createDeleteRenameRules() async throws {
        let server = try await IMAPTestServer()
        let client = await server.connect()
        _ = await client.login()
        #expect(await client.command("a1 CREATE ../etc").hasPrefix("a1 NO [CANNOT]"))
        #expect(await client.command("a2 CREATE a//b").hasPrefix("a2 NO [CANNOT]"))
        #expect(await client.command("a3 CREATE Sent").hasPrefix("a3 NO [ALREADYEXISTS]"))
        #expect(await client.command("a4 DELETE INBOX").hasPrefix("a4 NO"))
        #expect(await client.command("a5 DELETE Nope").hasPrefix("a5 NO [NONEXISTENT]"))
        #expect(await client.command("a6 CREATE Old").hasPrefix("a6 OK"))
        #expect(await client.command("a7 RENAME Old New").hasPrefix("a7 OK"))
        #expect(await client.command("a8 STATUS Old (MESSAGES)").hasPrefix("a8 NO [NONEXISTENT]"))
        #expect(await client.command("a9 DELETE New").hasPrefix("a9 OK"))
        #expect(await client.command("b1 UNSUBSCRIBE Sent").hasPrefix("b1 OK"))
        let lsub = await client.command("b2 LSUB \"\" *")
        #expect(!lsub.contains("Sent"))
        #expect(lsub.contains("* LSUB () \"/\" INBOX"))
    }

    @Test func renameInboxMovesMessages() async throws {
        let server = try await IMAPTestServer()
        try await server.deliver(subject: "one")
        try await server.deliver(subject: "two")
        let client = await server.connect()
        _ = await client.login()
        #expect(await client.command("a1 RENAME INBOX Saved").hasPrefix("a1 OK"))
        #expect(await client.command("a2 STATUS INBOX (MESSAGES)").hasPrefix("* STATUS INBOX (MESSAGES 0)"))
        #expect(await client.command("a3 STATUS Saved (MESSAGES UNSEEN SIZE)").hasPrefix("* STATUS Saved (MESSAGES 2 UNSEEN 2 SIZE "))
    }
}
