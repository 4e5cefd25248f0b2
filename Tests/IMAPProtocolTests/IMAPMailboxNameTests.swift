import Testing
@testable import IMAPProtocol

/// Modified UTF-7 (RFC 3501 §5.1.3) and mailbox name validation.
@Suite struct IMAPMailboxNameTests {
    /// The examples of RFC 3501 §5.1.3 and common real-world names.
    @Test(arguments: [
        ("~peter/mail/\u{53F0}\u{5317}/\u{65E5}\u{672C}\u{8A9E}", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
        ("\u{53F0}\u{5317}\u{65E5}\u{672C}\u{8A9E}", "&U,BTF2XlZyyKng-"),
        ("Entw\u{00FC}rfe", "Entw&APw-rfe"),
        ("Gel\u{00F6}schte Elemente", "Gel&APY-schte Elemente"),
        ("Tom & Jerry", "Tom &- Jerry"),
        ("&", "&-"),
        ("\u{263A}!", "&Jjo-!"),
        ("plain ASCII +/\\~", "plain ASCII +/\\~"),
        ("\u{1F600}", "&2D3eAA-"),
        ("a\u{7F}b", "a&AH8-b"),
    ])
    func vectors(decoded: String, encoded: String) {
        #expect(IMAPModifiedUTF7.encode(decoded) == encoded)
        #expect(IMAPModifiedUTF7.decode(encoded) == decoded)
    }

    /// RFC 3501 §5.1.3: "&Jjo!" lacks the shift back, "&U,BTFw-&ZeVnLIqe-"
    /// has a superfluous shift; the rest break the other rules.
    @Test(arguments: [
        "&Jjo!", "&U,BTFw-&ZeVnLIqe-", "&AGE-", "&", "abc&", "&ZeVnLIqe", "&A-", "&AAAA-", "&2D0-", "&3gA-",
        "&Jjp-", "caf\u{e9}", "tab\there", "&U/BTFw-",
    ])
    func invalidEncodings(encoded: String) {
        #expect(IMAPModifiedUTF7.decode(encoded) == nil)
    }

    @Test func roundTripOfEveryBMPBlockSample() {
        for value in stride(from: 0x80, through: 0xFFFD, by: 97) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let name = "x\(Character(scalar))y\(Character(scalar))\(Character(scalar))"
            #expect(IMAPModifiedUTF7.decode(IMAPModifiedUTF7.encode(name)) == name)
        }
    }

    @Test func validNames() throws {
        #expect(try IMAPMailboxName(validating: "inbox").name == "INBOX")
        #expect(try IMAPMailboxName(validating: "Inbox/Sub").name == "INBOX/Sub")
        #expect(try IMAPMailboxName(validating: "INBOXES").name == "INBOXES")
        #expect(try IMAPMailboxName(validating: "Archive/2024/").name == "Archive/2024")
        let name = try IMAPMailboxName(validating: "Archive/2024/Q1")
        #expect(name.levels == ["Archive", "2024", "Q1"])
        #expect(name.parent?.name == "Archive/2024")
        #expect(try IMAPMailboxName(validating: "INBOX").isInbox)
    }

    @Test(arguments: ["", "/", "a//b", "/a", "a\u{0}b", "a\nb", "a\u{85}b", "a//", String(repeating: "x", count: 1025)])
    func invalidNames(name: String) {
        #expect(throws: IMAPMailboxNameError.self) { try IMAPMailboxName(validating: name) }
    }

    @Test func reasonsAreReadable() {
        do {
            _ = try IMAPMailboxName(validating: "a//b")
            Issue.record()
        } catch {
            #expect(error.reason == "Mailbox name has an empty hierarchy level")
        }
    }

    @Test func wireFormsFollowTheUTF8Setting() throws {
        let name = try IMAPMailboxName(wire: "Entw&APw-rfe", utf8: false)
        #expect(name.name == "Entw\u{00FC}rfe")
        #expect(name.wire(utf8: false) == "Entw&APw-rfe")
        #expect(name.wire(utf8: true) == "Entw\u{00FC}rfe")
        #expect(try IMAPMailboxName(wire: "Entw&APw-rfe", utf8: true).name == "Entw&APw-rfe")
        #expect(throws: IMAPMailboxNameError.self) { try IMAPMailboxName(wire: "Entw\u{00FC}rfe", utf8: false) }
    }

    /// Only ASCII case is folded: the dotless ı upper-cases to I in Unicode
    /// but does not spell INBOX.
    @Test func inboxFoldingIsASCIIOnly() throws {
        #expect(try IMAPMailboxName(validating: "\u{131}nbox").name == "\u{131}nbox")
        #expect(ParserDriver.command("a SELECT \"\u{131}nbox\"") == .select(mailbox: "\u{131}nbox", IMAPSelectParameters()))
    }
}
