import MailCore
import Testing
@testable import IMAPProtocol

/// What the encoder writes reads back as what was meant: sections echo the
/// request, sets and dates reparse, mailbox names decode.
@Suite struct IMAPRoundTripTests {
    typealias P = ParserDriver

    /// RFC 9051 §7.5.2: the FETCH answer names the section as requested.
    @Test(arguments: [
        "BODY[]", "BODY[HEADER]", "BODY[TEXT]", "BODY[1]", "BODY[1.2.3]", "BODY[2.MIME]", "BODY[3.HEADER.FIELDS (FROM TO)]",
        "BODY[HEADER.FIELDS.NOT (X-A \"B C\")]", "BODY[4.TEXT]",
    ])
    func sectionEchoes(item: String) {
        guard case .fetch(_, let request, _) = P.command("a FETCH 1 \(item)"),
              case .bodySection(let section, _, _) = request.attributes.first else { Issue.record(); return }
        let response = IMAPResponseEncoder().encode(.untagged(.fetch(1, [.bodySection(section, origin: nil, data: nil)])))
        #expect(String(decoding: response, as: UTF8.self) == "* 1 FETCH (\(item) NIL)\r\n")
    }

    @Test(arguments: ["1", "1:*", "2,4:7,9,12:*", "*", "*:4", "1,3,5:3", "$"])
    func sequenceSetsReparse(text: String) {
        let set = P.set(text)
        #expect(set.description == text)
        #expect(P.set(set.description) == set)
    }

    @Test func numberSetsReparse() {
        let set = IMAPNumberSet([1, 2, 3, 7, 9, 10, 4_294_967_295])
        #expect(P.set(set.description).resolved(largest: 1) == set)
    }

    @Test func dateTimesReparse() {
        for seconds in stride(from: Int64(-1_000_000_000), through: 4_000_000_000, by: 123_456_789) {
            for zone in [-720, -420, 0, 60, 330, 840] {
                let value = IMAPDateTime(secondsSince1970: seconds, zoneOffsetMinutes: zone)
                #expect(IMAPDateTime(parsing: value.description) == value, "\(value)")
            }
        }
    }

    @Test func appendDateFromTheEncoderParses() {
        let date = IMAPDateTime(secondsSince1970: 837_596_665, zoneOffsetMinutes: -420)
        #expect(P.command("a APPEND INBOX \"\(date)\" {1+}\r\nx")
            == .append(mailbox: "INBOX", [IMAPAppendMessage(internalDate: date, data: [120])]))
    }

    @Test func listedNamesDecodeToTheSameMailbox() throws {
        for name in ["INBOX", "Entw\u{00FC}rfe", "A & B", "\u{65E5}\u{672C}/\u{8A9E}", "plain/child", "x\u{1F600}y"] {
            for utf8 in [false, true] {
                let bytes = IMAPResponseEncoder(utf8: utf8).encode(.untagged(.list(IMAPListResponse(attributes: [], mailbox: name))))
                let line = String(decoding: bytes, as: UTF8.self)
                var wire = String(line.dropFirst("* LIST () \"/\" ".count).dropLast())
                if wire.hasPrefix("\"") { wire = String(wire.dropFirst().dropLast()) }
                #expect(try IMAPMailboxName(wire: wire, utf8: utf8).name == name, "\(line)")
            }
        }
    }

    @Test func flagListsReparse() {
        let flags: [IMAPFlag] = [.seen, .answered, .flagged, .deleted, .draft, .keyword("$Forwarded"), .extension("Custom")]
        var writer = IMAPResponseWriter(utf8: false)
        writer.flags(flags)
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(P.command("a STORE 1 FLAGS \(text)") == .store(P.set("1"), IMAPStoreRequest(operation: .replace, flags: flags), uid: false))
    }
}
