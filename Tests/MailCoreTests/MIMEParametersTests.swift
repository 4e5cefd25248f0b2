import Testing
@testable import MailCore

@Suite struct MIMEParametersTests {
    /// RFC 2045 §5.1 examples and lenient forms.
    @Test(arguments: [
        ("text/plain; charset=us-ascii (Plain text)", "text/plain", "charset", "us-ascii"),
        ("text/plain; charset=\"us-ascii\"", "text/plain", "charset", "us-ascii"),
        ("TEXT/Plain; CHARSET=UTF-8", "text/plain", "charset", "UTF-8"),
        ("text / html ; charset = utf-8", "text/html", "charset", "utf-8"),
        ("(comment) multipart/mixed; boundary=\"simple boundary\"", "multipart/mixed", "boundary", "simple boundary"),
        ("multipart/mixed;\r\n boundary=\"---- =_NextPart\"", "multipart/mixed", "boundary", "---- =_NextPart"),
        ("application/pdf; name=my file.pdf", "application/pdf", "name", "my file.pdf"),
        ("application/pdf; name=\"a \\\"q\\\" b\"", "application/pdf", "name", "a \"q\" b"),
        ("application/pdf; name=\"unterminated", "application/pdf", "name", "unterminated"),
        ("application/pdf; junk; name=x", "application/pdf", "name", "x"),
        ("application/pdf; name=x; name=y", "application/pdf", "name", "x"),
        ("application/pdf; name=;", "application/pdf", "name", ""),
    ])
    func parsesContentType(text: String, mimeType: String, parameter: String, value: String) throws {
        let contentType = try #require(MIMEContentType.parse(text))
        #expect(contentType.mimeType == mimeType)
        #expect(contentType.parameters[parameter] == value)
    }

    @Test(arguments: ["", "text", "text/", "/plain", "; charset=utf-8", "(text/plain)"])
    func rejectsContentTypeWithoutTypeAndSubtype(text: String) {
        #expect(MIMEContentType.parse(text) == nil)
    }

    /// RFC 2231 §3, §4 and §4.1 examples (the §4.1 one as printed, without semicolons).
    @Test(arguments: [
        ("message/external-body; access-type=URL;\r\n URL*0=\"ftp://\";\r\n URL*1=\"cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar\"",
         "url", "ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar"),
        ("message/external-body; access-type=URL;\r\n  URL=\"ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar\"",
         "url", "ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar"),
        ("application/x-stuff;\r\n title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A",
         "title", "This is ***fun***"),
        ("application/x-stuff\r\n title*0*=us-ascii'en'This%20is%20even%20more%20\r\n title*1*=%2A%2A%2Afun%2A%2A%2A%20\r\n title*2=\"isn't it!\"",
         "title", "This is even more ***fun*** isn't it!"),
        ("application/x-stuff; title*0*=us-ascii'en'This%20is%20even%20more%20; title*1*=%2A%2A%2Afun%2A%2A%2A%20; title*2=\"isn't it!\"",
         "title", "This is even more ***fun*** isn't it!"),
        ("application/pdf; name*=utf-8''%E2%82%AC.pdf", "name", "€.pdf"),
        ("application/pdf; name*=iso-8859-1'de'%E4.pdf", "name", "ä.pdf"),
        ("application/pdf; name*1=b; name*0=a; name*2=c", "name", "abc"),
        ("application/pdf; name=plain; name*=utf-8''extended", "name", "extended"),
        ("application/pdf; name*=utf-8''bad%zz", "name", "bad%zz"),
        ("application/pdf; name*=unknown''%E2%82%AC", "name", "€"),
        ("application/pdf; name*=unknown''%E4", "name", "ä"),
        ("application/pdf; name*0*=utf-8''%E2%82; name*1*=%AC", "name", "€"),
        ("application/pdf; name*99999=x", "name*99999", "x"),
    ])
    func decodesRFC2231Parameters(text: String, parameter: String, value: String) throws {
        let contentType = try #require(MIMEContentType.parse(text))
        #expect(contentType.parameters[parameter] == value)
    }

    @Test func keepsParameterOrderOnce() throws {
        let contentType = try #require(MIMEContentType.parse("a/b; z=1; y*0=2; y*1=3; x=4"))
        #expect(contentType.parameters.all == [
            MIMEParameter(name: "z", value: "1"), MIMEParameter(name: "y", value: "23"), MIMEParameter(name: "x", value: "4"),
        ])
    }

    @Test(arguments: [
        ("attachment; filename=genome.jpeg; modification-date=\"Wed, 12 Feb 1997 16:29:51 -0500\"", "attachment", "genome.jpeg"),
        ("INLINE", "inline", nil),
        ("attachment; filename*=UTF-8''na%C3%AFve.txt", "attachment", "naïve.txt"),
    ] as [(String, String, String?)])
    func parsesContentDisposition(text: String, type: String, filename: String?) throws {
        let disposition = try #require(MIMEContentDisposition.parse(text))
        #expect(disposition.type == type)
        #expect(disposition.filename == filename)
    }
}
