import Testing
@testable import Queue

@Suite struct NextHopTests {
    @Test(arguments: [
        ("[smtp.gmail.com]:587", "smtp.gmail.com", 587, false),
        ("[smtp.example.test]", "smtp.example.test", 25, false),
        ("mail.example.test", "mail.example.test", 25, true),
        ("mail.example.test:2525", "mail.example.test", 2525, true),
        ("[127.0.0.1]:2525", "127.0.0.1", 2525, false),
    ])
    func relayhostForms(text: String, host: String, port: Int, mx: Bool) throws {
        let hop = try #require(NextHop(relayhost: text))
        #expect(hop == NextHop(host: host, port: port, mxLookup: mx))
    }

    @Test(arguments: ["", "[unterminated", "[h]:0", "[h]:99999", "h:x", "bad host"])
    func malformedRelayhost(text: String) {
        #expect(NextHop(relayhost: text) == nil)
    }

    /// Postfix looks up `[smtp.gmail.com]:587` first in sasl_passwd.
    @Test func passwordMapKeysInPostfixOrder() throws {
        #expect(try #require(NextHop(relayhost: "[smtp.gmail.com]:587")).passwordMapKeys
                == ["[smtp.gmail.com]:587", "[smtp.gmail.com]", "smtp.gmail.com"])
        #expect(NextHop.domain("Example.TEST").passwordMapKeys == ["example.test", "example.test"])
    }
}
