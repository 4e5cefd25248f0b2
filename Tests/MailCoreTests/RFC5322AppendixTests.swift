import Testing
@testable import MailCore

/// The example messages of RFC 5322 Appendix A, parsed end to end.
@Suite struct RFC5322AppendixTests {
    @Test func simpleAddressing() throws {
        let message = TestInput.crlf("""
            From: John Doe <jdoe@machine.example>
            Sender: Michael Jones <mjones@machine.example>
            To: Mary Smith <mary@example.net>
            Subject: Saying Hello
            Date: Fri, 21 Nov 1997 09:55:06 -0600
            Message-ID: <1234@local.machine.example>

            This is a message just to say hello.
            So, "Hello".
            """)
        let header = MessageHeader.parse(message)
        #expect(header.fields.map(\.name) == ["From", "Sender", "To", "Subject", "Date", "Message-ID"])
        #expect(String(decoding: message[header.bodyOffset...], as: UTF8.self).hasPrefix("This is a message"))
        #expect(AddressList.parse(try #require(header["from"])) == [
            MailboxAddress(displayName: "John Doe", localPart: "jdoe", domain: "machine.example"),
        ])
        #expect(RFC5322Date.parse(try #require(header["date"]))?.secondsSince1970 == 880_127_706)
    }

    @Test func traceFieldsUnfold() {
        let message = TestInput.crlf("""
            Received: from x.y.test
               by example.net
               via TCP
               with ESMTP
               id ABC12345
               for <mary@example.net>;  21 Nov 1997 10:05:43 -0600
            Received: from node.example by x.y.test; 21 Nov 1997 10:01:22 -0600
            From: John Doe <jdoe@node.example>

            This is a message just to say hello.
            """)
        let received = MessageHeader.parse(message).fields(named: "Received")
        #expect(received.map(\.value) == [
            "from x.y.test   by example.net   via TCP   with ESMTP   id ABC12345   for <mary@example.net>;  21 Nov 1997 10:05:43 -0600",
            "from node.example by x.y.test; 21 Nov 1997 10:01:22 -0600",
        ])
    }

    @Test func whiteSpaceCommentsAndOddities() throws {
        let message = TestInput.crlf("""
            From: Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>
            To:A Group(Some people)
                 :Chris Jones <c@(Chris's host.)public.example>,
                     joe@example.org,
              John <jdoe@one.test> (my dear friend); (the end of the group)
            Cc:(Empty list)(start)Hidden recipients  :(nobody(that I know))  ;
            Date: Thu,
                  13
                    Feb
                      1969
                  23:32
                           -0330 (Newfoundland Time)
            Message-ID:              <testabcd.1234@silly.test>

            Testing.
            """)
        let header = MessageHeader.parse(message)
        #expect(header.fields.count == 5)
        #expect(AddressList.parse(try #require(header["to"])).map(\.addressString)
            == ["c@public.example", "joe@example.org", "jdoe@one.test"])
        #expect(AddressList.parse(try #require(header["cc"])).isEmpty)
        #expect(RFC5322Date.parse(try #require(header["date"]))?.zoneOffsetMinutes == -210)
        #expect(header["message-id"] == "<testabcd.1234@silly.test>")
    }

    @Test func obsoleteWhiteSpaceAndComments() throws {
        let message = TestInput.crlf([
            "From  : John Doe <jdoe@machine(comment).  example>",
            "To    : Mary Smith",
            "  ",
            "          <mary@example.net>",
            "Subject     : Saying Hello",
            "Date  : Fri, 21 Nov 1997 09(comment):   55  :  06 -0600",
            "Message-ID  : <1234   @   local(blah)  .machine .example>",
            "",
            "This is a message just to say hello.",
        ].joined(separator: "\n"))
        let header = MessageHeader.parse(message)
        #expect(header.fields.map(\.name) == ["From", "To", "Subject", "Date", "Message-ID"])
        #expect(header.skippedLineCount == 0)
        #expect(AddressList.parse(try #require(header["to"])) == [
            MailboxAddress(displayName: "Mary Smith", localPart: "mary", domain: "example.net"),
        ])
        #expect(AddressList.parse(try #require(header["from"])).first?.addressString == "jdoe@machine.example")
        #expect(RFC5322Date.parse(try #require(header["date"]))?.secondsSince1970 == 880_127_706)
    }
}
