import Testing
@testable import IMAPProtocol

/// Base subjects, SORT and THREAD (RFC 5256 §2.1, §3, §4), with the shapes
/// of the RFC's examples.
@Suite struct IMAPSortThreadTests {
    static func threads(_ nodes: [IMAPThreadNode]) -> String {
        String(decoding: IMAPResponseEncoder(utf8: false).encode(.untagged(.thread(nodes))), as: UTF8.self)
    }

    static func message(_ number: UInt32, date: Int64, subject: String = "topic", id: String? = nil,
                        references: [UInt32] = [], inReplyTo: String? = nil) -> IMAPSortMessage {
        IMAPSortMessage(number: number, arrival: 0, date: date, subject: subject, messageID: id ?? "<m\(number)@example.test>",
                        inReplyTo: inReplyTo, references: references.isEmpty ? nil : references.map { "<m\($0)@example.test>" }.joined(separator: " "))
    }

    @Test func baseSubjects() {
        let cases: [(String, String, Bool)] = [
            ("Re: [PATCH] Fwd: Hello (fwd)", "Hello", true),
            ("[fwd: Re: Lunch]", "Lunch", true),
            ("RE[2]: re: Budget", "Budget", true),
            ("fwd : notes", "notes", true),
            ("[list] [PATCH] v2", "v2", false),
            ("[PATCH]", "[PATCH]", false),
            ("Release   notes\tfor\r\n 2024", "Release notes for 2024", false),
            ("  Hello  ", "Hello", false),
            ("", "", false),
        ]
        for (subject, base, reply) in cases {
            let extracted = IMAPBaseSubject(subject)
            #expect(extracted.text == base, "\(subject)")
            #expect(extracted.isReplyOrForward == reply, "\(subject)")
        }
    }

    @Test func sortCriteria() {
        let messages = [
            IMAPSortMessage(number: 1, arrival: 30, date: 300, size: 500, subject: "Re: beta", from: "Zed <zed@x.test>", to: "b@x.test"),
            IMAPSortMessage(number: 2, arrival: 10, date: nil, size: 100, subject: "alpha", from: "\"Anna\" <yan@x.test>", to: "a@x.test", cc: "c@x.test"),
            IMAPSortMessage(number: 3, arrival: 20, date: 200, size: 300, subject: "[list] Beta", from: "amy@x.test"),
            IMAPSortMessage(number: 4, arrival: 20, date: 200, size: 300, subject: "Alpha (fwd)"),
        ]
        #expect(IMAPSorter.sort(messages, by: [IMAPSortCriterion(.arrival)]) == [2, 3, 4, 1])
        #expect(IMAPSorter.sort(messages, by: [IMAPSortCriterion(.date)]) == [2, 3, 4, 1])
        #expect(IMAPSorter.sort(messages, by: [IMAPSortCriterion(.size, reversed: true)]) == [1, 3, 4, 2])
        #expect(IMAPSorter.sort(messages, by: [IMAPSortCriterion(.subject), IMAPSortCriterion(.date, reversed: true)]) == [4, 2, 1, 3])
        #expect(IMAPSorter.sort(messages, by: [IMAPSortCriterion(.from)]) == [4, 3, 2, 1])
        #expect(IMAPSorter.sort(messages, by: [IMAPSortCriterion(.displayFrom)]) == [4, 3, 2, 1])
        #expect(IMAPSorter.sort(messages, by: [IMAPSortCriterion(.to)]) == [3, 4, 2, 1])
        #expect(IMAPSorter.sort(messages, by: [IMAPSortCriterion(.cc, reversed: true)]) == [2, 1, 3, 4])
        #expect(IMAPSorter.sort([], by: [IMAPSortCriterion(.subject)]) == [])
    }

    /// RFC 5051 §2 (i;unicode-casemap): case, canonical and compatibility
    /// variants collate together; what is left compares by UTF-8 octets.
    @Test func unicodeCasemapCollation() {
        #expect(IMAPUnicodeCasemap.key("é") == IMAPUnicodeCasemap.key("É"))
        #expect(IMAPUnicodeCasemap.key("É") == IMAPUnicodeCasemap.key("E\u{301}"))
        #expect(IMAPUnicodeCasemap.key("ﬁle") == IMAPUnicodeCasemap.key("FILE"))
        #expect(IMAPUnicodeCasemap.key("Ａ") == IMAPUnicodeCasemap.key("a"))
        #expect(IMAPUnicodeCasemap.key("ǆ") == IMAPUnicodeCasemap.key("ǅ"))
        #expect(IMAPUnicodeCasemap.key("straße") != IMAPUnicodeCasemap.key("STRASSE"))
        let messages = ["Zebra", "éclair", "apple", "Eclair", "Ωmega", "ω"].enumerated().map {
            IMAPSortMessage(number: UInt32($0.offset + 1), arrival: Int64($0.offset), subject: $0.element)
        }
        // apple, éclair/Eclair (E + combining acute sorts after plain E), Zebra, then Greek by code point.
        #expect(IMAPSorter.sort(messages, by: [IMAPSortCriterion(.subject)]) == [3, 4, 2, 1, 6, 5])
    }

    @Test func orderedSubject() {
        let messages = [
            Self.message(1, date: 1, subject: "b"), Self.message(2, date: 2, subject: "a"), Self.message(3, date: 3, subject: "Re: b"),
            Self.message(4, date: 4, subject: "A"), Self.message(5, date: 5, subject: "b"), Self.message(6, date: 0, subject: "c"),
        ]
        #expect(Self.threads(IMAPThreader.thread(messages, algorithm: .orderedSubject)) == "* THREAD (6)(1 (3)(5))(2 4)\r\n")
    }

    /// RFC 5256 §4's `(2)(3 6 (4 23)(44 7 96))`.
    @Test func referencesBranches() {
        let messages = [
            Self.message(2, date: 1, subject: "other"), Self.message(3, date: 2), Self.message(4, date: 4, references: [3, 6]),
            Self.message(6, date: 3, references: [3]), Self.message(7, date: 6, references: [3, 6, 44]),
            Self.message(23, date: 7, references: [3, 6, 4]), Self.message(44, date: 5, references: [3, 6]),
            Self.message(96, date: 8, references: [3, 6, 44, 7]),
        ]
        #expect(Self.threads(IMAPThreader.thread(messages, algorithm: .references)) == "* THREAD (2)(3 6 (4 23)(44 7 96))\r\n")
    }

    /// RFC 5256 §4's `((3)(5))`: siblings whose parent is not in the mailbox.
    @Test func referencesMissingParent() {
        let messages = [
            Self.message(3, date: 1, subject: "one", inReplyTo: "<gone@example.test>"),
            Self.message(5, date: 2, subject: "two", inReplyTo: "<gone@example.test>"),
        ]
        #expect(Self.threads(IMAPThreader.thread(messages, algorithm: .references)) == "* THREAD ((3)(5))\r\n")
    }

    @Test func referencesSubjectMerging() {
        let reply = [Self.message(1, date: 1, subject: "Hello"), Self.message(2, date: 2, subject: "Re: hello")]
        #expect(Self.threads(IMAPThreader.thread(reply, algorithm: .references)) == "* THREAD (1 2)\r\n")
        let same = [Self.message(1, date: 1, subject: "Hello"), Self.message(2, date: 2, subject: "Hello")]
        #expect(Self.threads(IMAPThreader.thread(same, algorithm: .references)) == "* THREAD ((1)(2))\r\n")
        let quoted = [Self.message(1, date: 1, subject: "x", id: "<\"a b\"@example.test>"),
                      Self.message(2, date: 2, subject: "y", inReplyTo: "<ab@example.test> (sent by Bob)")]
        #expect(Self.threads(IMAPThreader.thread(quoted, algorithm: .references)) == "* THREAD (1 2)\r\n")
    }

    @Test func referencesSurviveLoopsAndDuplicates() {
        let looped = [
            Self.message(1, date: 1, references: [2]), Self.message(2, date: 2, references: [1]),
            Self.message(3, date: 3, subject: "dup", id: "<m1@example.test>"),
        ]
        #expect(Self.threads(IMAPThreader.thread(looped, algorithm: .references)) == "* THREAD (2 1)(3)\r\n")
    }

    @Test func deepBranchingIsBounded() {
        var messages = [Self.message(1, date: 1)]
        var chain: [UInt32] = [1]
        for number in stride(from: UInt32(2), to: 400, by: 2) {
            messages.append(Self.message(number, date: Int64(number), references: chain))
            messages.append(Self.message(number + 1, date: Int64(number + 1), subject: "leaf \(number)", references: chain))
            chain.append(number)
        }
        let nodes = IMAPThreader.thread(messages, algorithm: .references)
        var depth = 0
        var node = nodes.first
        while let current = node, !current.branches.isEmpty {
            depth += 1
            node = current.branches.first
        }
        #expect(depth == IMAPThreader.maxDepth + 1)
        #expect(Self.threads(nodes).split(whereSeparator: { !$0.isNumber }).count == messages.count)
    }
}
