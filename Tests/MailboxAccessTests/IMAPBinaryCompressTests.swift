import Testing

/// BINARY (RFC 3516) FETCH and literal8 APPEND, and the session's side of
/// COMPRESS (RFC 4978; the transport's side is in CarrierNetworkTests).
@Suite struct IMAPBinaryCompressTests {
    @Test func binaryFetchAndLiteral8Append() async throws {
        let server = try await IMAPTestServer()
        let client = await server.selectedClient()
        let message = "Subject: bin\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
            + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\nAAECAw==\r\n--b\r\n"
            + "Content-Type: text/plain\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 x\r\n--b--\r\n"
        let appended = await client.command("a1 APPEND INBOX ~{\(message.utf8.count)+}\r\n\(message)")
        #expect(appended.contains("a1 OK [APPENDUID"))
        let binary = await client.command("f1 FETCH 1 (BINARY.PEEK[1] BINARY.SIZE[1])")
        #expect(binary == "* 1 FETCH (BINARY[1] ~{4}\r\n\u{0}\u{1}\u{2}\u{3} BINARY.SIZE[1] 4)\r\nf1 OK FETCH completed\r\n")
        #expect(await client.command("f2 FETCH 1 (BINARY.PEEK[1]<1.2>)").hasPrefix("* 1 FETCH (BINARY[1]<1> {2}\r\n\u{1}\u{2})"))
        let seen = await client.command("f3 FETCH 1 (BINARY[1])")
        #expect(seen.contains("FLAGS (\\Seen)"))
        #expect(await client.command("f4 FETCH 1 (BINARY.PEEK[2])").hasPrefix("f4 NO [UNKNOWN-CTE]"))
        #expect(await client.command("f5 FETCH 1 (BINARY.PEEK[3])").hasPrefix("* 1 FETCH (BINARY[3] NIL)"))
        let nul = "Subject: nul\r\n\r\na\u{0}b\r\n"
        #expect(await client.command("a2 APPEND INBOX ~{\(nul.utf8.count)+}\r\n\(nul)").contains("a2 OK"))
        #expect(await client.command("f6 FETCH 2 (BINARY.PEEK[])").contains("BINARY[] ~{\(nul.utf8.count)}\r\n\(nul))"))
    }

    @Test func compressIsOfferedAfterLoginAndStartsOnce() async throws {
        let server = try await IMAPTestServer()
        let client = await server.connect()
        #expect(!client.greeting.contains("COMPRESS"))
        #expect(await client.command("z1 COMPRESS DEFLATE").hasPrefix("z1 BAD"))
        _ = await client.login()
        #expect(await client.command("z2 CAPABILITY").contains(" COMPRESS=DEFLATE"))
        #expect(await client.command("z3 COMPRESS GZIP").hasPrefix("z3 BAD"))
        #expect(!client.startedCompression)
        #expect(await client.command("z4 COMPRESS DEFLATE") == "z4 OK DEFLATE active\r\n")
        #expect(client.startedCompression)
        #expect(await client.command("z5 COMPRESS DEFLATE").hasPrefix("z5 BAD"))
        #expect(!(await client.command("z6 CAPABILITY").contains("COMPRESS")))
    }
}
