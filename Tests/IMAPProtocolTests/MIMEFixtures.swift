import CarrierTesting
import MailCore
@testable import IMAPProtocol

/// Real-world message shapes, written with LF and sent with CRLF; the
/// broader set that FETCH is compared over is `MIMECorpus`.
enum MIMEFixtures {
    static func crlf(_ text: String) -> [UInt8] { MIMECorpus.crlf(text) }

    /// RFC 5322 Appendix A.1.2 with a plain body and no Content-Type
    /// (the corpus's first message).
    static let plain = MIMECorpus.plain

    /// RFC 5322 Appendix A.1.3: groups, and the empty group of Bcc mail.
    static let groups = crlf("""
        From: Pete <pete@silly.example>
        To: A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;
        Cc: Undisclosed recipients:;
        Reply-To: =?utf-8?q?R=C3=A9ponse?= <reply@silly.example>
        Subject: =?utf-8?q?caf=C3=A9?=
        In-Reply-To: <a@b>

        x
        """)

    static let alternative = crlf("""
        From: a@b.test
        Content-Type: multipart/alternative; boundary="b1"

        preamble
        --b1
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        caf=C3=A9
        --b1
        Content-Type: TEXT/HTML; charset=utf-8

        <p>caf&eacute;</p>
        --b1--
        epilogue

        """)

    static let attachment = crlf("""
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
        Content-Description: The report
        Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==
        Content-Location: http://example.test/r.pdf

        JVBERi0x
        LjQK
        --XX--

        """)

    static let forwarded = crlf("""
        From: a@b.test
        Subject: fwd
        Content-Type: multipart/mixed; boundary="outer"

        --outer
        Content-Type: text/plain

        See attached.
        --outer
        Content-Type: message/rfc822

        From: inner@c.test
        Subject: inner
        Content-Type: multipart/alternative; boundary=inner

        --inner

        Inner body
        --inner
        Content-Type: text/html

        <b>x</b>
        --inner--
        --outer--

        """)

    static let weirdCharset = crlf("""
        Content-Type: text/plain; charset="x-unknown-8bit"; format=flowed
        Content-Disposition: inline; filename*=utf-8''%E2%82%AC%20rates.txt
        Content-Transfer-Encoding: 8bit

        \u{e9}t\u{e9}
        """)

    static func tree(_ message: [UInt8]) -> MIMEPart {
        MIMEPart.parse(message)
    }

    static func bodyStructure(_ message: [UInt8], extended: Bool = true, utf8: Bool = false) -> String {
        let structure = IMAPBodyStructure(tree(message), utf8: utf8)
        let item: IMAPFetchItem = extended ? .bodyStructure(structure) : .body(structure)
        let bytes = IMAPResponseEncoder(utf8: utf8).encode(.untagged(.fetch(1, [item])))
        let text = String(decoding: bytes, as: UTF8.self)
        return String(text.dropFirst(extended ? "* 1 FETCH (BODYSTRUCTURE ".count : "* 1 FETCH (BODY ".count).dropLast(2))
    }

    static func envelope(_ message: [UInt8], utf8: Bool = false) -> String {
        let envelope = IMAPEnvelope(header: tree(message).header, utf8: utf8)
        let text = String(decoding: IMAPResponseEncoder(utf8: utf8).encode(.untagged(.fetch(1, [.envelope(envelope)]))), as: UTF8.self)
        return String(text.dropFirst("* 1 FETCH (ENVELOPE ".count).dropLast(2))
    }
}
