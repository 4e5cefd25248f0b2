import MailCore
import Testing
@testable import IMAPProtocol

/// ENVELOPE, BODY and BODYSTRUCTURE of real-world MIME shapes, in the
/// format of RFC 9051 §7.5.2.
@Suite struct IMAPStructureTests {
    typealias F = MIMEFixtures

    @Test func plainMessageWithoutContentType() {
        #expect(F.envelope(F.plain) == """
            ("Tue, 1 Jul 2003 10:52:37 +0200" "Hello" (("Joe Q. Public" NIL "john.q.public" "example.com")) \
            (("Joe Q. Public" NIL "john.q.public" "example.com")) (("Joe Q. Public" NIL "john.q.public" "example.com")) \
            (("Mary Smith" NIL "mary" "x.test")(NIL NIL "jdoe" "example.org")("Who?" NIL "one" "y.test")) \
            ((NIL NIL "boss" "nil.test")("Giant; \\"Big\\" Box" NIL "sysservices" "example.net")) NIL NIL "<5678.21-Nov-1997@example.com>")
            """)
        #expect(F.bodyStructure(F.plain) == "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 10 1 NIL NIL NIL NIL)")
        #expect(F.bodyStructure(F.plain, extended: false) == "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 10 1)")
    }

    /// RFC 9051 §9 address: group start (host NIL), members, group end.
    @Test func groupsAndEncodedWords() {
        #expect(F.envelope(F.groups) == """
            (NIL "=?utf-8?q?caf=C3=A9?=" (("Pete" NIL "pete" "silly.example")) (("Pete" NIL "pete" "silly.example")) \
            (("=?utf-8?q?R=C3=A9ponse?=" NIL "reply" "silly.example")) \
            ((NIL NIL "A Group" NIL)("Ed Jones" NIL "c" "a.test")(NIL NIL "joe" "where.test")("John" NIL "jdoe" "one.test")(NIL NIL NIL NIL)) \
            ((NIL NIL "Undisclosed recipients" NIL)(NIL NIL NIL NIL)) NIL "<a@b>" NIL)
            """)
        #expect(F.envelope(F.groups, utf8: true).contains("((\"R\u{e9}ponse\" NIL \"reply\" \"silly.example\"))"))
    }

    @Test func multipartAlternative() {
        #expect(F.bodyStructure(F.alternative) == """
            (("text" "plain" ("charset" "utf-8") NIL NIL "quoted-printable" 9 1 NIL NIL NIL NIL)\
            ("text" "html" ("charset" "utf-8") NIL NIL "7bit" 18 1 NIL NIL NIL NIL) "alternative" ("boundary" "b1") NIL NIL NIL)
            """)
        #expect(F.bodyStructure(F.alternative, extended: false) == """
            (("text" "plain" ("charset" "utf-8") NIL NIL "quoted-printable" 9 1)("text" "html" ("charset" "utf-8") NIL NIL "7bit" 18 1) "alternative")
            """)
    }

    @Test func multipartMixedWithAttachment() {
        #expect(F.bodyStructure(F.attachment) == """
            (("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 4 1 NIL NIL NIL NIL)\
            ("application" "pdf" ("name" "r.pdf") "<id1@x>" "The report" "base64" 14 "Q2hlY2sgSW50ZWdyaXR5IQ==" \
            ("attachment" ("filename" "r.pdf")) NIL "http://example.test/r.pdf") "mixed" ("boundary" "XX") NIL ("en" "de") NIL)
            """)
        #expect(F.bodyStructure(F.attachment, extended: false) == """
            (("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 4 1)\
            ("application" "pdf" ("name" "r.pdf") "<id1@x>" "The report" "base64" 14) "mixed")
            """)
    }

    @Test func nestedMessage() {
        let inner = """
            (NIL "inner" ((NIL NIL "inner" "c.test")) ((NIL NIL "inner" "c.test")) ((NIL NIL "inner" "c.test")) NIL NIL NIL NIL NIL)
            """
        #expect(F.bodyStructure(F.forwarded) == """
            (("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 13 1 NIL NIL NIL NIL)("message" "rfc822" NIL NIL NIL "7bit" 169 \
            \(inner) (("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 10 1 NIL NIL NIL NIL)\
            ("text" "html" ("charset" "us-ascii") NIL NIL "7bit" 8 1 NIL NIL NIL NIL) "alternative" ("boundary" "inner") NIL NIL NIL) \
            12 NIL NIL NIL NIL) "mixed" ("boundary" "outer") NIL NIL NIL)
            """)
        #expect(F.bodyStructure(F.forwarded, extended: false) == """
            (("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 13 1)("message" "rfc822" NIL NIL NIL "7bit" 169 \
            \(inner) (("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 10 1)("text" "html" ("charset" "us-ascii") NIL NIL "7bit" 8 1) \
            "alternative") 12) "mixed")
            """)
    }

    /// An unknown charset is passed on; RFC 2231 values go out in RFC 2231
    /// form, or as UTF-8 once UTF-8 is enabled.
    @Test func weirdCharsetAndRFC2231Parameters() {
        #expect(F.bodyStructure(F.weirdCharset) == """
            ("text" "plain" ("charset" "x-unknown-8bit" "format" "flowed") NIL NIL "8bit" 5 1 NIL \
            ("inline" ("filename*" "utf-8''%E2%82%AC%20rates.txt")) NIL NIL)
            """)
        #expect(F.bodyStructure(F.weirdCharset, utf8: true).contains("(\"inline\" (\"filename\" \"\u{20AC} rates.txt\"))"))
    }

    @Test func digestChildrenDefaultToMessages() {
        let digest = F.crlf("Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: one\n\nbody\n--d--\n")
        #expect(F.bodyStructure(digest, extended: false).hasPrefix("((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 20 (NIL \"one\""))
    }

    /// The grammar needs a body: a multipart without parts gets an empty
    /// text part, an unparsed message/rfc822 an empty envelope.
    @Test func brokenStructuresStayGrammatical() {
        let noParts = F.crlf("Content-Type: multipart/mixed; boundary=zz\n\nno delimiter here\n")
        #expect(F.bodyStructure(noParts, extended: false) == "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"mixed\")")
        let encoded = F.crlf("Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\nU3ViamVjdDogeAoKeQo=\n")
        #expect(F.bodyStructure(encoded, extended: false) == """
            ("message" "rfc822" NIL NIL NIL "base64" 22 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) \
            ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0) 1)
            """)
    }

    @Test func senderAndReplyToFallBackToFrom() {
        let message = F.crlf("From: a@b.test\nSender: \nReply-To: r@b.test\n\n")
        let envelope = IMAPEnvelope(header: F.tree(message).header)
        #expect(envelope.sender == envelope.from)
        #expect(envelope.replyTo == [IMAPAddress(name: nil, mailbox: "r", host: "b.test")])
    }

    @Test func builtValuesCompare() {
        let body = IMAPBodyStructure(F.tree(F.attachment))
        guard case .multipart(let multipart) = body, case .single(let pdf) = multipart.parts[1] else { Issue.record(); return }
        #expect(pdf.extensions.disposition == IMAPBodyDisposition(type: "attachment", parameters: [IMAPBodyParameter("filename", "r.pdf")]))
        #expect(multipart.extensions.language == ["en", "de"])
        #expect(pdf.kind == .basic && pdf.md5 == "Q2hlY2sgSW50ZWdyaXR5IQ==")
    }
}
