import Testing
@testable import MailCore

@Suite struct MIMEPartTests {
    /// The RFC 2046 §5.1.1 example message.
    static let rfc2046Example = TestInput.crlf("""
        From: Nathaniel Borenstein <nsb@bellcore.com>
        To: Ned Freed <ned@innosoft.com>
        Date: Sun, 21 Mar 1993 23:56:48 -0800 (PST)
        Subject: Sample message
        MIME-Version: 1.0
        Content-type: multipart/mixed; boundary="simple boundary"

        This is the preamble.  It is to be ignored, though it
        is a handy place for composition agents to include an
        explanatory note to non-MIME conformant readers.

        --simple boundary

        This is implicitly typed plain US-ASCII text.
        It does NOT end with a linebreak.
        --simple boundary
        Content-type: text/plain; charset=us-ascii

        This is explicitly typed plain US-ASCII text.
        It DOES end with a linebreak.

        --simple boundary--

        This is the epilogue.  It is also to be ignored.
        """)

    private func text(_ message: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: message[range], as: UTF8.self)
    }

    @Test func parsesRFC2046Example() throws {
        let message = Self.rfc2046Example
        let root = MIMEPart.parse(message)
        #expect(root.contentType.mimeType == "multipart/mixed")
        #expect(root.contentType.parameters["boundary"] == "simple boundary")
        try #require(root.children.count == 2)
        let (first, second) = (root.children[0], root.children[1])
        #expect(first.contentType == .textPlain)
        #expect(first.headerRange.isEmpty)
        #expect(text(message, first.bodyRange) == "This is implicitly typed plain US-ASCII text.\r\nIt does NOT end with a linebreak.")
        #expect(first.bodyLineCount == 2)
        #expect(second.contentType.charset == "us-ascii")
        #expect(text(message, second.headerRange) == "Content-type: text/plain; charset=us-ascii\r\n")
        #expect(text(message, second.bodyRange) == "This is explicitly typed plain US-ASCII text.\r\nIt DOES end with a linebreak.\r\n")
        #expect(second.bodyLineCount == 2)
        #expect(first.depth == 1 && second.depth == 1)
    }

    @Test func bareLineFeedsWork() throws {
        let message = Array(String(decoding: Self.rfc2046Example, as: UTF8.self).replacing("\r\n", with: "\n").utf8)
        let root = MIMEPart.parse(message)
        try #require(root.children.count == 2)
        #expect(text(message, root.children[0].bodyRange).hasSuffix("It does NOT end with a linebreak."))
        #expect(text(message, root.children[1].bodyRange).hasSuffix("It DOES end with a linebreak.\n"))
    }

    @Test func plainMessageDefaults() {
        let message = TestInput.crlf("Subject: x\n\nline 1\nline 2")
        let root = MIMEPart.parse(message)
        #expect(root.contentType == .textPlain)
        #expect(root.contentType.charset == "us-ascii")
        #expect(root.contentTransferEncoding == "7bit")
        #expect(root.children.isEmpty)
        #expect(root.headerRange == 0..<12)
        #expect(root.bodyRange == 14..<message.count)
        #expect(root.bodyLineCount == 2)
    }

    static let nested = TestInput.crlf("""
        Content-Type: multipart/mixed; boundary=outer

        --outer
        Content-Type: multipart/alternative; boundary="inner"

        --inner
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        caf=C3=A9
        --inner
        Content-Type: text/html

        <p>café</p>
        --inner--
        --outer
        Content-Type: application/octet-stream; name="=?utf-8?q?r=C3=A9sum=C3=A9?=.bin"
        Content-Transfer-Encoding: Base64 (comment)
        Content-ID: <part3@example.test>
        Content-Description: =?utf-8?q?Lebenslauf_f=C3=BCr_Sie?=
        Content-Disposition: attachment; filename*=utf-8''r%C3%A9sum%C3%A9.pdf

        aGVs
        bG8=
        --outer
        Content-Type: message/rfc822

        Subject: inner message
        Content-Type: text/plain

        inner body
        --outer--
        """)

    @Test func parsesNestedTree() throws {
        let message = Self.nested
        let root = MIMEPart.parse(message)
        try #require(root.children.count == 3)
        let alternative = root.children[0]
        #expect(alternative.contentType.mimeType == "multipart/alternative")
        try #require(alternative.children.count == 2)
        #expect(alternative.children[0].decodedBody(in: message) == Array("café".utf8))
        #expect(alternative.children[0].depth == 2)
        #expect(text(message, alternative.children[1].bodyRange) == "<p>café</p>")

        let attachment = root.children[1]
        #expect(attachment.contentTransferEncoding == "base64")
        #expect(attachment.contentID == "<part3@example.test>")
        #expect(attachment.contentDescription == "Lebenslauf für Sie")
        #expect(attachment.contentDisposition?.type == "attachment")
        #expect(attachment.filename == "résumé.pdf")
        #expect(attachment.contentType.parameters["name"] == "=?utf-8?q?r=C3=A9sum=C3=A9?=.bin")
        #expect(attachment.decodedBody(in: message) == Array("hello".utf8))

        let forwarded = root.children[2]
        let inner = try #require(forwarded.encapsulatedMessage)
        #expect(inner.header["subject"] == "inner message")
        #expect(inner.depth == 2)
        #expect(text(message, inner.bodyRange) == "inner body")
    }

    @Test func filenameFallsBackToDecodedNameParameter() throws {
        let message = TestInput.crlf("Content-Type: application/pdf; name=\"=?utf-8?q?r=C3=A9sum=C3=A9?=.pdf\"\n\n%PDF")
        #expect(MIMEPart.parse(message).filename == "résumé.pdf")
    }

    @Test func digestPartsDefaultToMessages() throws {
        let message = TestInput.crlf("""
            Content-Type: multipart/digest; boundary=d

            --d

            Subject: first

            one
            --d
            Content-Type: text/plain

            not a message
            --d--
            """)
        let root = MIMEPart.parse(message)
        try #require(root.children.count == 2)
        #expect(root.children[0].contentType == .messageRFC822)
        #expect(root.children[0].encapsulatedMessage?.header["subject"] == "first")
        #expect(root.children[1].contentType.mimeType == "text/plain")
        #expect(root.children[1].children.isEmpty)
    }

    @Test(arguments: [
        ("--b  \t\nA\n--b--  \n", ["A"]),
        ("--bX\nno\n--b\nA\n--b--\n", ["A"]),
        ("--b\nA\n--b\nB", ["A", "B"]),
        ("--b\nA\n --b\n--b--", ["A\n --b"]),
        ("preamble\n--b\n\n--b\n\nB\n--b--\nepilogue\n--b\n\nignored", ["", "B"]),
        ("no delimiter at all\n", []),
        ("--b--\n--b\nafter close\n", []),
    ])
    func splitsAtBoundaryLines(body: String, expected: [String]) {
        let message = Array("Content-Type: multipart/mixed; boundary=b\n\n\(body)".utf8)
        let root = MIMEPart.parse(message)
        #expect(root.children.map { text(message, $0.bodyRange) } == expected)
    }

    @Test func multipartWithoutBoundaryIsLeaf() {
        let root = MIMEPart.parse(TestInput.crlf("Content-Type: multipart/mixed\n\n--b\n\nx\n--b--\n"))
        #expect(root.contentType.isMultipart)
        #expect(root.children.isEmpty)
    }

    @Test func encodedMessageIsLeaf() {
        let root = MIMEPart.parse(TestInput.crlf("Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\nU3ViamVjdDogeA=="))
        #expect(root.children.isEmpty)
    }

    @Test(arguments: [0, 1, 2])
    func depthLimitMakesLeaves(maxDepth: Int) {
        let root = MIMEPart.parse(Self.nested, maxDepth: maxDepth)
        var deepest = 0
        var stack = [root]
        while let part = stack.popLast() {
            deepest = max(deepest, part.depth)
            if part.depth == maxDepth { #expect(part.children.isEmpty) }
            stack += part.children
        }
        #expect(deepest == maxDepth)
    }

    @Test(arguments: [1, 2, 4, 6])
    func partLimitStopsMakingParts(maxParts: Int) {
        let root = MIMEPart.parse(Self.nested, maxParts: maxParts)
        var count = 0
        var stack = [root]
        while let part = stack.popLast() {
            count += 1
            stack += part.children
        }
        #expect(count == maxParts)
    }
}
