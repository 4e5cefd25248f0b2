import Foundation
import Testing

/// BODY and TEXT (RFC 9051 §6.4.4) over a real store: bodies decoded per
/// Content-Transfer-Encoding and charset, MIME headers outside BODY, header
/// fields inside TEXT; and a body the store cannot read fails the command.
@Suite struct IMAPSearchBodyTests {
    static let mime = "MIME-Version: 1.0\r\n"

    static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString(options: .lineLength76Characters)
    }

    /// 1 plain, 2 "needle" only in the Subject, 3 base64, 4 quoted-printable
    /// with a soft line break inside the word, 5 multipart with "needle" only
    /// in a part's header, 6 8-bit UTF-8 without MIME fields, 7 ISO-8859-1
    /// quoted-printable, 8 an encoded word in the Subject, 9 a multipart whose
    /// second part is base64.
    func mailbox() async throws -> IMAPTestServer {
        let server = try await IMAPTestServer()
        try await server.deliver(subject: "plain", body: "A haystack with a Needle in it.")
        try await server.deliver(subject: "a needle in the subject", body: "Nothing here.")
        try await server.deliver(subject: "base64", body: Self.base64("Only the decoded text has the needle."),
                                 headers: Self.mime + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n")
        try await server.deliver(subject: "qp", body: "A nee=\r\ndle split by a soft line break.",
                                 headers: Self.mime + "Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n")
        try await server.deliver(subject: "attachment name",
                                 body: "--b\r\nContent-Type: text/plain; name=needle.txt\r\n\r\nhay\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>grass</p>\r\n--b--",
                                 headers: Self.mime + "Content-Type: multipart/mixed; boundary=b\r\n")
        try await server.deliver(subject: "utf-8", body: "Viele Gr\u{fc}\u{df}e aus Z\u{fc}rich")
        try await server.deliver(subject: "latin-1", body: "Gr=FC=DFe",
                                 headers: Self.mime + "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n")
        try await server.deliver(subject: "=?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_Z=C3=BCrich?=", body: "plain")
        try await server.deliver(subject: "second part",
                                 body: "--b\r\nContent-Type: text/plain\r\n\r\nfirst part\r\n--b\r\nContent-Type: text/plain\r\n"
                                     + "Content-Transfer-Encoding: base64\r\n\r\n\(Self.base64("second part with a NEEDLE"))\r\n--b--",
                                 headers: Self.mime + "Content-Type: multipart/mixed; boundary=b\r\n")
        return server
    }

    @Test func bodyLooksInDecodedLeafPartsOnly() async throws {
        let server = try await mailbox()
        let client = await server.selectedClient()
        #expect(await client.command("b1 SEARCH BODY needle") == "* SEARCH 1 3 4 9\r\nb1 OK SEARCH completed\r\n")
        #expect(await client.command("b2 SEARCH BODY NEEDLE").hasPrefix("* SEARCH 1 3 4 9\r\n"))
        #expect(await client.command("b3 SEARCH NOT BODY needle").hasPrefix("* SEARCH 2 5 6 7 8\r\n"))
        #expect(await client.command("b4 SEARCH BODY \"\"").hasPrefix("* SEARCH 1 2 3 4 5 6 7 8 9\r\n"))
        #expect(await client.command("b5 SEARCH BODY grass").hasPrefix("* SEARCH 5\r\n"))
        #expect(await client.command("b6 SEARCH BODY \"nee=\"").hasPrefix("* SEARCH\r\n"))
    }

    @Test func textLooksInHeaderAndBody() async throws {
        let server = try await mailbox()
        let client = await server.selectedClient()
        #expect(await client.command("t1 SEARCH TEXT needle").hasPrefix("* SEARCH 1 2 3 4 5 9\r\n"))
        #expect(await client.command("t2 SEARCH TEXT \"second part\"").hasPrefix("* SEARCH 9\r\n"))
        #expect(await client.command("t3 SEARCH TEXT nothing").hasPrefix("* SEARCH 2\r\n"))
    }

    @Test func nonASCIIStringsCompareAsDecodedText() async throws {
        let server = try await mailbox()
        let client = await server.selectedClient()
        let greeting = "GR\u{dc}\u{df}E"
        let body = await client.send("n1 SEARCH CHARSET UTF-8 BODY {\(greeting.utf8.count)+}\r\n\(greeting)\r\n")
        #expect(body.hasPrefix("* SEARCH 6 7\r\n"))
        let city = "z\u{fc}rich"
        let text = await client.send("n2 SEARCH CHARSET UTF-8 TEXT {\(city.utf8.count)+}\r\n\(city)\r\n")
        #expect(text.hasPrefix("* SEARCH 6 8\r\n"))
        // An ASCII string still matches letters with diacritics.
        #expect(await client.command("n3 SEARCH BODY zurich").hasPrefix("* SEARCH 6\r\n"))
    }

    @Test func unreadableBodyAnswersUnavailable() async throws {
        let server = try await IMAPTestServer()
        try await server.deliver(subject: "small", body: "needle")
        try await server.deliver(subject: "large", body: String(repeating: "hay ", count: 40_000))
        let bodies = server.directory.path + "/data/bodies"
        for folder in try FileManager.default.contentsOfDirectory(atPath: bodies) {
            try FileManager.default.removeItem(atPath: bodies + "/" + folder)
        }
        let client = await server.selectedClient()
        #expect(await client.command("u1 SEARCH BODY needle").hasPrefix("u1 NO [UNAVAILABLE]"))
        #expect(await client.command("u2 UID SEARCH TEXT needle").hasPrefix("u2 NO [UNAVAILABLE]"))
        #expect(await client.command("u3 SORT (SUBJECT) UTF-8 BODY needle").hasPrefix("u3 NO [UNAVAILABLE]"))
        #expect(await client.command("u4 THREAD REFERENCES UTF-8 NOT BODY needle").hasPrefix("u4 NO [UNAVAILABLE]"))
        _ = await client.command("u5 SEARCH RETURN (SAVE) ALL")
        #expect(await client.command("u6 SEARCH RETURN (SAVE) BODY needle").hasPrefix("u6 NO [UNAVAILABLE]"))
        #expect(await client.command("u7 FETCH $ (UID)") == "u7 OK FETCH completed\r\n")
        // Keys that need no body still work.
        #expect(await client.command("u8 SEARCH SUBJECT large").hasPrefix("* SEARCH 2\r\n"))
        #expect(await client.command("u9 SORT (SUBJECT) UTF-8 ALL").hasPrefix("* SORT 2 1\r\n"))
    }
}
