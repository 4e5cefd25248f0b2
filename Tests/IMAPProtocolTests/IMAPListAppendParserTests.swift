import Testing
@testable import IMAPProtocol

/// LIST (RFC 9051 §6.3.9, RFC 5258 §5, RFC 6154 §5, RFC 5819 §3), LSUB and
/// APPEND (RFC 9051 §6.3.12, RFC 3502 §6.3.11, RFC 3516, RFC 6855).
@Suite struct IMAPListAppendParserTests {
    typealias P = ParserDriver

    @Test func basicList() {
        #expect(P.command("A101 LIST \"\" \"\"") == .list(IMAPListCommand(reference: "", patterns: [""])))
        #expect(P.command("A102 LIST #news.comp.mail.misc \"\"") == .list(IMAPListCommand(reference: "#news.comp.mail.misc", patterns: [""])))
        #expect(P.command("A202 LIST ~/Mail/ %") == .list(IMAPListCommand(reference: "~/Mail/", patterns: ["%"])))
        #expect(P.command("a LIST \"\" INBOX*]") == .list(IMAPListCommand(reference: "", patterns: ["INBOX*]"])))
        #expect(P.command("A682 LSUB \"#news.\" \"comp.mail.*\"") == .lsub(reference: "#news.", pattern: "comp.mail.*"))
    }

    @Test func extendedList() {
        #expect(P.command("A02 LIST (SUBSCRIBED) \"\" \"*\"")
            == .list(IMAPListCommand(selectionOptions: [.subscribed], reference: "", patterns: ["*"])))
        #expect(P.command("A03 LIST () \"\" \"%\" RETURN (CHILDREN)")
            == .list(IMAPListCommand(reference: "", patterns: ["%"], returnOptions: [.children])))
        #expect(P.command("A05 LIST (subscribed remote recursivematch) \"\" (\"*\" \"Other Users/%\") RETURN (SUBSCRIBED CHILDREN)")
            == .list(IMAPListCommand(selectionOptions: [.subscribed, .remote, .recursiveMatch], reference: "",
                                     patterns: ["*", "Other Users/%"], returnOptions: [.subscribed, .children])))
        #expect(P.command("t1 LIST \"\" \"%\" RETURN (SPECIAL-USE)")
            == .list(IMAPListCommand(reference: "", patterns: ["%"], returnOptions: [.specialUse])))
        #expect(P.command("t3 LIST (SPECIAL-USE) \"\" \"*\"")
            == .list(IMAPListCommand(selectionOptions: [.specialUse], reference: "", patterns: ["*"])))
        #expect(P.command("A01 LIST \"\" % RETURN (STATUS (MESSAGES UNSEEN))")
            == .list(IMAPListCommand(reference: "", patterns: ["%"], returnOptions: [.status([.messages, .unseen])])))
        #expect(P.command("a LIST \"\" \"%\"").map { if case .list(let l) = $0 { l.isExtended } else { true } } == false)
    }

    @Test(arguments: [
        "a LIST (RECURSIVEMATCH) \"\" *", "a LIST (REMOTE RECURSIVEMATCH) \"\" *", "a LIST (BOGUS) \"\" *",
        "a LIST \"\" * RETURN (BOGUS)", "a LIST \"\" * TRAILING", "a LIST \"\"", "a LIST \"\" ()",
    ])
    func badLists(line: String) {
        #expect(P.error(line)?.kind == .syntax)
    }

    /// RFC 9051 §6.3.12 example, with a synchronizing literal.
    @Test func appendWithFlagsAndDate() {
        let message = "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\nSubject: afternoon meeting\r\n\r\nHello Joe\r\n"
        let command = P.command("A003 APPEND saved-messages (\\Seen) \"17-Jul-1996 02:44:25 -0700\" {\(message.utf8.count)}\r\n\(message)")
        let date = IMAPDateTime(parsing: "17-Jul-1996 02:44:25 -0700")
        #expect(date?.secondsSince1970 == 837_596_665)
        #expect(command == .append(mailbox: "saved-messages", [IMAPAppendMessage(flags: [.seen], internalDate: date, data: Array(message.utf8))]))
    }

    /// RFC 3502 §6.3.11 example: two messages in one APPEND.
    @Test func multiAppend() {
        let first = "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\n\r\nHello Joe\r\n"
        let second = "Subject: second\r\n\r\nHi\r\n"
        let command = P.command("A003 APPEND saved-messages (\\Seen) {\(first.utf8.count)+}\r\n\(first) "
            + "(\\Seen) \" 7-Feb-1994 22:43:04 -0800\" {\(second.utf8.count)+}\r\n\(second)")
        guard case .append(let mailbox, let messages) = command else { Issue.record(); return }
        #expect(mailbox == "saved-messages")
        #expect(messages.map(\.data) == [Array(first.utf8), Array(second.utf8)])
        #expect(messages[1].internalDate == IMAPDateTime(parsing: " 7-Feb-1994 22:43:04 -0800"))
    }

    @Test func appendBinaryAndUTF8() {
        guard case .append(_, let binary) = P.command("a APPEND INBOX ~{3+}\r\na\u{0}b") else { Issue.record(); return }
        #expect(binary == [IMAPAppendMessage(data: [97, 0, 98], isBinary: true)])
        guard case .append(_, let utf8) = P.command("a APPEND INBOX () UTF8 (~{2+}\r\nhi)") else { Issue.record(); return }
        #expect(utf8 == [IMAPAppendMessage(data: [104, 105], isBinary: true, isUTF8: true)])
    }

    @Test(arguments: [
        "a APPEND INBOX \"not a literal\"", "a APPEND INBOX", "a APPEND INBOX (\\Seen) \"31-Feb-2020 00:00:00 +0000\" {1+}\r\nx",
        "a APPEND INBOX \"1-Jan-2020 00:00:00 +0000\" {1+}\r\nx", "a APPEND INBOX UTF8 ({1+}\r\nx)",
        "a APPEND INBOX {1+}\r\nx junk",
    ])
    func badAppends(line: String) {
        #expect(P.error(line)?.kind == .syntax)
    }
}
