import Testing
@testable import CarrierAuth

@Suite struct PLAINExchangeTests {
    typealias Support = SASLTestSupport

    /// RFC 4616 §4, first example: `<NUL>tim<NUL>tanstaaftanstaaf` after an empty challenge.
    @Test func rfc4616FirstExampleAfterEmptyChallenge() throws {
        var exchange = Support.exchange(.plain)
        #expect(exchange.start(initialResponse: nil) == .challenge(""))
        #expect(exchange.receive(Support.base64("\0tim\0tanstaaftanstaaf")) == .lookup(authenticationID: "tim"))
        #expect(exchange.credentials(try Support.hash("tanstaaftanstaaf"))
            == .success(authenticationID: "tim", authorizationID: nil))
    }

    @Test func initialResponse() throws {
        var exchange = Support.exchange(.plain)
        #expect(exchange.start(initialResponse: Support.base64("\0tim\0tanstaaftanstaaf")) == .lookup(authenticationID: "tim"))
        #expect(exchange.credentials(try Support.hash("tanstaaftanstaaf"))
            == .success(authenticationID: "tim", authorizationID: nil))
    }

    /// RFC 4954 §4: `=` is an empty initial response; PLAIN has no valid empty
    /// message, so the server asks again with the empty challenge.
    @Test func emptyInitialResponseGetsTheEmptyChallenge() throws {
        var exchange = Support.exchange(.plain)
        #expect(exchange.start(initialResponse: "=") == .challenge(""))
        #expect(exchange.receive(Support.base64("\0tim\0tanstaaftanstaaf")) == .lookup(authenticationID: "tim"))
        #expect(exchange.credentials(try Support.hash("tanstaaftanstaaf"))
            == .success(authenticationID: "tim", authorizationID: nil))
    }

    @Test func authzidEqualToAuthcidIsAccepted() throws {
        var exchange = Support.exchange(.plain)
        #expect(exchange.start(initialResponse: Support.base64("tim\0tim\0tanstaaftanstaaf")) == .lookup(authenticationID: "tim"))
        #expect(exchange.credentials(try Support.hash("tanstaaftanstaaf"))
            == .success(authenticationID: "tim", authorizationID: "tim"))
    }

    /// RFC 4616 §4, second example: Kurt may not act as Ursel.
    @Test func rfc4616SecondExampleOtherAuthzidIsRefused() {
        var exchange = Support.exchange(.plain)
        #expect(exchange.start(initialResponse: Support.base64("Ursel\0Kurt\0xipj3plmq")) == .failure(.authorizationNotAllowed))
        #expect(exchange.authenticationID == "Kurt")
    }

    @Test func wrongPasswordIsInvalidCredentials() throws {
        var exchange = Support.exchange(.plain)
        _ = exchange.start(initialResponse: Support.base64("\0tim\0tanstaafl"))
        #expect(exchange.credentials(try Support.hash("tanstaaftanstaaf")) == .failure(.invalidCredentials))
    }

    @Test func unknownUserFailsLikeAWrongPassword() {
        var exchange = Support.exchange(.plain)
        #expect(exchange.start(initialResponse: Support.base64("\0nobody\0tanstaaftanstaaf")) == .lookup(authenticationID: "nobody"))
        #expect(exchange.credentials(nil) == .failure(.invalidCredentials))
    }

    @Test func nonASCIIPassword() throws {
        var exchange = Support.exchange(.plain)
        _ = exchange.start(initialResponse: Support.base64("\0jürgen\0pässwörd€🔑"))
        #expect(exchange.credentials(try Support.hash("pässwörd€🔑")) == .success(authenticationID: "jürgen", authorizationID: nil))
        var wrong = Support.exchange(.plain)
        _ = wrong.start(initialResponse: Support.base64("\0jürgen\0passwörd€🔑"))
        #expect(wrong.credentials(try Support.hash("pässwörd€🔑")) == .failure(.invalidCredentials))
    }

    @Test(arguments: [
        Array("tim\0tanstaaftanstaaf".utf8),          // one NUL
        Array("timtanstaaftanstaaf".utf8),            // no NUL
        Array("\0\0tanstaaftanstaaf".utf8),           // empty authcid
        Array("\0tim\0".utf8),                        // empty password
        Array("\0tim\0tan\0staaf".utf8),              // NUL in the password
        [0, 0x74, 0x69, 0x6D, 0, 0xC3, 0x28],         // invalid UTF-8 password
        [0xFF, 0, 0x74, 0, 0x70],                     // invalid UTF-8 authzid
    ])
    func malformedMessageIsRefused(message: [UInt8]) {
        var exchange = Support.exchange(.plain)
        #expect(exchange.start(initialResponse: Support.base64(message)) == .failure(.malformedResponse))
    }

    @Test func abortAfterEmptyChallenge() {
        var exchange = Support.exchange(.plain)
        #expect(exchange.start(initialResponse: nil) == .challenge(""))
        #expect(exchange.receive("*") == .failure(.aborted))
    }
}
