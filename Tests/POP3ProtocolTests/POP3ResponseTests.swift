import Testing
@testable import POP3Protocol

@Suite struct POP3ResponseTests {
    /// RFC 2449 §8 response codes in brackets; RFC 3206 §4-5 SYS and AUTH.
    @Test func wireFormat() {
        #expect(POP3Response.ok().encoded() == Array("+OK\r\n".utf8))
        #expect(POP3Response.authenticationFailed.encoded() == Array("-ERR [AUTH] Authentication failed.\r\n".utf8))
        #expect(POP3Response.temporaryAuthenticationFailure.description
            == "-ERR [SYS/TEMP] Temporary authentication failure, try again later.")
        #expect(POP3Response.malformedAuthenticationResponse.description == "-ERR Invalid authentication response.")
        #expect(POP3Response.err("a\r\nb").encoded() == Array("-ERR a  b\r\n".utf8), "no line can be injected")
    }

    /// RFC 2449 §4: a response's first line is at most 512 octets with its
    /// CRLF; a long text is cut without splitting a UTF-8 character.
    @Test func firstLineIsAtMost512Octets() {
        let long = POP3Response.ok(String(repeating: "é", count: 400)).encoded()
        #expect(long.count <= 512)
        #expect(long.suffix(2) == [13, 10])
        #expect(String(validating: long, as: UTF8.self) != nil)
    }

    @Test func multiLineBodyIsStuffedAndTerminated() {
        let wire = POP3Response.ok("list").encoded(lines: [".dot", "plain", "cr\rlf\n"])
        #expect(String(decoding: wire, as: UTF8.self) == "+OK list\r\n..dot\r\nplain\r\ncr lf \r\n.\r\n")
    }
}
