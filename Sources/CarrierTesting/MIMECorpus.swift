/// Real-world MIME shapes for tests of everything that reads a message's
/// structure: each a name and the message's octets (written with LF, sent
/// with CRLF unless the shape is about line ends).
public enum MIMECorpus {
    /// Every shape, by name.
    public static let all: [(name: String, octets: [UInt8])] = [
        ("plain", plain), ("nestedMixedAlternative", nestedMixedAlternative), ("forwarded", forwarded),
        ("doubleForward", doubleForward), ("base64Attachments", base64Attachments), ("noTrailingLineBreak", noTrailingLineBreak),
        ("missingFinalBoundary", missingFinalBoundary), ("rfc2231Parameters", rfc2231Parameters), ("bareLineFeeds", bareLineFeeds),
        ("digest", digest), ("encodedMessage", encodedMessage), ("headerOnly", headerOnly), ("utf8Header", utf8Header),
        ("latin1Header", latin1Header), ("signed", signed), ("calendarInvitation", calendarInvitation), ("oddSyntax", oddSyntax),
        ("manyAttachments", manyAttachments), ("deepNesting", deepNesting), ("noHeader", noHeader),
    ]

    /// LF line ends made CRLF, as on the wire (RFC 5322 §2.1).
    /// A message of `size` octets or a little more whose body lines are all
    /// different: `header` (its lines and the blank line), numbered lines,
    /// then `trailer`.
    public static func large(_ size: Int, header: String = "From: a@b.test\r\nSubject: large\r\n\r\n",
                             trailer: String = "") -> [UInt8] {
        var text = header
        var line = 0
        while text.utf8.count < size {
            text += "line \(line) " + String(repeating: "x", count: 60) + "\r\n"
            line += 1
        }
        return Array((text + trailer).utf8)
    }

    public static func crlf(_ text: String) -> [UInt8] {
        Array(text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n").utf8)
    }

    /// RFC 5322 Appendix A.1.2: no MIME fields at all.
    public static let plain = crlf("""
        From: "Joe Q. Public" <john.q.public@example.com>
        To: Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>
        Cc: <boss@nil.test>, "Giant; \\"Big\\" Box" <sysservices@example.net>
        Date: Tue, 1 Jul 2003 10:52:37 +0200
        Message-ID: <5678.21-Nov-1997@example.com>
        Subject: Hello

        Hi there

        """)

    /// What Thunderbird and Apple Mail send: mixed (alternative (plain,
    /// related (html, inline image)), attachment).
    public static let nestedMixedAlternative = crlf("""
        From: Alice <alice@example.test>
        To: Bob <bob@example.test>
        Subject: =?UTF-8?Q?Caf=C3=A9_menu?=
        Date: Sat, 29 Nov 2025 09:41:18 +0000
        Message-ID: <menu-1@example.test>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="------------mixed"

        This is a multi-part message in MIME format.
        --------------mixed
        Content-Type: multipart/alternative; boundary="------------alt"

        --------------alt
        Content-Type: text/plain; charset=UTF-8; format=flowed
        Content-Transfer-Encoding: quoted-printable

        Caf=C3=A9 menu attached.=20
        See you.

        --------------alt
        Content-Type: multipart/related; boundary="------------rel"; type="text/html"

        --------------rel
        Content-Type: text/html; charset=UTF-8
        Content-Transfer-Encoding: 7bit

        <html><body><p>Menu</p><img src="cid:logo@example.test"></body></html>

        --------------rel
        Content-Type: image/png; name="logo.png"
        Content-Disposition: inline; filename="logo.png"
        Content-Id: <logo@example.test>
        Content-Transfer-Encoding: base64

        iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk
        YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==
        --------------rel--

        --------------alt--

        --------------mixed
        Content-Type: application/pdf; name="menu.pdf"
        Content-Disposition: attachment; filename="menu.pdf"; size=9
        Content-Transfer-Encoding: base64

        JVBERi0xLjQK
        --------------mixed--

        """)

    /// A forwarded message (message/rfc822) whose inner message is
    /// multipart/alternative.
    public static let forwarded = crlf("""
        From: a@b.test
        To: c@d.test
        Subject: Fwd: inner
        Content-Type: multipart/mixed; boundary="outer"

        --outer
        Content-Type: text/plain

        See attached.
        --outer
        Content-Type: message/rfc822
        Content-Description: Forwarded message

        From: Inner Sender <inner@c.test>
        To: undisclosed-recipients:;
        Subject: inner
        Date: Mon, 7 Feb 1994 21:52:25 -0800
        Content-Type: multipart/alternative; boundary=inner

        --inner

        Inner body
        --inner
        Content-Type: text/html

        <b>x</b>
        --inner--
        --outer--

        """)

    /// A message/rfc822 inside a message/rfc822 inside a multipart.
    public static let doubleForward = crlf("""
        From: one@example.test
        Subject: Fwd: Fwd: deep
        Content-Type: multipart/mixed; boundary=a

        --a
        Content-Type: message/rfc822

        From: two@example.test
        Subject: Fwd: deep
        Content-Type: message/rfc822

        From: three@example.test
        Subject: deep
        Cc: Group: x@y.test, "Z" <z@y.test>;

        innermost
        --a--
        """)

    /// Base64 attachments with every field BODYSTRUCTURE reports.
    public static let base64Attachments = crlf("""
        Subject: report
        Content-Type: multipart/mixed; boundary=XX
        Content-Language: en, de

        --XX
        Content-Type: text/plain

        Body
        --XX
        Content-Type: application/pdf; name="r.pdf"
        Content-Transfer-Encoding: base64
        Content-Disposition: attachment; filename="r.pdf"
        Content-ID: <id1@x>
        Content-Description: The =?utf-8?q?r=C3=A9port?=
        Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==
        Content-Location: http://example.test/r.pdf
        Content-Language: fr

        JVBERi0x
        LjQK
        --XX
        Content-Type: application/octet-stream
        Content-Transfer-Encoding: BASE64
        Content-Disposition: attachment; filename=data.bin

        AAECAwQFBgcICQ==
        --XX
        Content-Type: text/plain; charset=iso-8859-1
        Content-Transfer-Encoding: base64

        Y2Fm6QpsaW5lIHR3bw0KdGhyZWU=
        --XX--

        """)

    /// The last line ends without a line break.
    public static let noTrailingLineBreak = crlf("""
        From: a@b.test
        Content-Type: multipart/alternative; boundary=b

        --b
        Content-Type: text/plain

        no break at the end
        --b--
        epilogue without a break
        """)

    /// The close delimiter never comes: the last part runs to the end.
    public static let missingFinalBoundary = crlf("""
        From: a@b.test
        Content-Type: multipart/mixed; boundary="cut"

        --cut
        Content-Type: text/plain

        first
        --cut
        Content-Type: text/plain

        second, cut off

        """)

    /// RFC 2231 continuations, charsets and languages in parameters.
    public static let rfc2231Parameters = crlf("""
        From: a@b.test
        Content-Type: multipart/mixed; boundary=p

        --p
        Content-Type: application/x-stuff;
         title*0*=us-ascii'en'This%20is%20even%20more%20;
         title*1*=%2A%2A%2Afun%2A%2A%2A%20;
         title*2="isn't it!"
        Content-Disposition: attachment;
         filename*0*=utf-8''%E2%82%AC%20;
         filename*1="rates.txt"

        stuff
        --p
        Content-Type: text/plain; charset*=utf-8'de'utf-8; name*=UTF-8''%C3%BCber.txt

        Text
        --p--
        """)

    /// Bare LF line ends, as some scripts write them.
    public static let bareLineFeeds = Array("""
        From: a@b.test
        Subject: bare
        Content-Type: multipart/mixed; boundary=lf

        --lf
        Content-Type: text/plain

        one
        two
        --lf
        Content-Type: text/plain
        Content-Transfer-Encoding: quoted-printable

        caf=C3=A9
        --lf--

        """.utf8)

    /// multipart/digest: parts are message/rfc822 by default (RFC 2046 §5.1.5).
    public static let digest = crlf("""
        From: list@example.test
        Subject: Digest
        Content-Type: multipart/digest; boundary=d

        --d

        From: one@example.test
        Subject: one

        body one
        --d
        Content-Type: message/rfc822

        From: two@example.test
        Subject: two

        body two
        --d
        Content-Type: text/plain

        not a message
        --d--

        """)

    /// A message/rfc822 in base64: not parsed inside.
    public static let encodedMessage = crlf("""
        From: a@b.test
        Content-Type: message/rfc822
        Content-Transfer-Encoding: base64

        U3ViamVjdDogeAoKeQo=

        """)

    /// A header without an empty line or body.
    public static let headerOnly = Array("From: a@b.test\r\nSubject: only a header".utf8)

    /// SMTPUTF8 mail: raw UTF-8 in the header (RFC 6532).
    public static let utf8Header = crlf("""
        From: Jörg Müller <jörg@bücher.example>
        To: "Zoë" <zoe@example.test>
        Subject: Grüße aus Köln
        Content-Type: text/plain; charset=utf-8; name="Größe.txt"
        Content-Transfer-Encoding: 8bit

        Schöne Grüße

        """)

    /// Raw Latin-1 octets in the header, which are not UTF-8.
    public static let latin1Header = crlf("From: Ren") + [0xE9] + crlf(" <rene@example.test>\nSubject: caf") + [0xE9]
        + crlf("\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\nd") + [0xE9] + crlf("j\u{E0}\n")

    /// An S/MIME signed message.
    public static let signed = crlf("""
        From: signer@example.test
        Subject: signed
        MIME-Version: 1.0
        Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary="sig"

        --sig
        Content-Type: text/plain; charset=us-ascii

        Signed text.
        --sig
        Content-Type: application/pkcs7-signature; name="smime.p7s"
        Content-Transfer-Encoding: base64
        Content-Disposition: attachment; filename="smime.p7s"
        Content-Description: S/MIME Cryptographic Signature

        MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAKCAMIIC
        --sig--

        """)

    /// A calendar invitation as Outlook sends it.
    public static let calendarInvitation = crlf("""
        From: organizer@example.test
        To: guest@example.test
        Subject: Meeting
        Content-Type: multipart/alternative; boundary="_000_cal_"
        Content-Language: en-US

        --_000_cal_
        Content-Type: text/plain; charset="us-ascii"

        Meeting at noon.
        --_000_cal_
        Content-Type: text/calendar; charset="utf-8"; method=REQUEST
        Content-Transfer-Encoding: base64

        QkVHSU46VkNBTEVOREFSDQpNRVRIT0Q6UkVRVUVTVA0KRU5EOlZDQUxFTkRBUg0K
        --_000_cal_--

        """)

    /// Uppercase names, comments, folded and odd white space in fields.
    public static let oddSyntax = crlf("""
        FROM: (comment) a@b.test
        subject:
          folded subject
        CONTENT-TYPE: Multipart/Mixed (comment);
        \tBoundary = "odd boundary" ; x-extra="1"
        Content-Transfer-Encoding: 7BIT (comment)

        --odd boundary\t\u{20}
        Content-Type: Text/HTML; (c) charset = "UTF-8"
        Content-Disposition: INLINE

        <p>x</p>
        --odd boundary--\u{20}

        """)

    /// Many small attachments.
    public static let manyAttachments: [UInt8] = {
        var text = "From: a@b.test\nSubject: many\nContent-Type: multipart/mixed; boundary=m\n\n"
        for number in 1...200 {
            text += "--m\nContent-Type: text/plain; name=\"f\(number).txt\"\nContent-Disposition: attachment; filename=\"f\(number).txt\"\n\n"
            text += "file \(number)\n"
        }
        return crlf(text + "--m--\n")
    }()

    /// Multiparts nested deeper than `MailCoreLimits.maxMIMEDepth`: the
    /// deepest become leaves.
    public static let deepNesting: [UInt8] = {
        var text = "From: a@b.test\nSubject: deep\n"
        for level in 0..<40 { text += "Content-Type: multipart/mixed; boundary=l\(level)\n\n--l\(level)\n" }
        text += "Content-Type: text/plain\n\ncore\n"
        for level in (0..<40).reversed() { text += "--l\(level)--\n" }
        return crlf(text)
    }()

    /// No header at all: the whole message is body.
    public static let noHeader = crlf("just a line of text\nand another\n")
}
