import Testing
@testable import CarrierAuth

@Suite struct LOGINExchangeTests {
    typealias Support = SASLTestSupport

    @Test func promptsForUsernameThenPassword() throws {
        var exchange = Support.exchange(.login)
        #expect(exchange.start(initialResponse: nil) == .challenge("VXNlcm5hbWU6"))
        #expect(Support.decode(.challenge("VXNlcm5hbWU6")) == "Username:")
        #expect(exchange.receive(Support.base64("tim")) == .challenge("UGFzc3dvcmQ6"))
        #expect(Support.decode(.challenge("UGFzc3dvcmQ6")) == "Password:")
        #expect(exchange.receive(Support.base64("tanstaaftanstaaf")) == .lookup(authenticationID: "tim"))
        #expect(exchange.credentials(try Support.hash("tanstaaftanstaaf"))
            == .success(authenticationID: "tim", authorizationID: nil))
    }

    @Test func initialResponseIsTheUsername() throws {
        var exchange = Support.exchange(.login)
        #expect(exchange.start(initialResponse: Support.base64("tim")) == .challenge("UGFzc3dvcmQ6"))
        #expect(exchange.authenticationID == "tim")
        #expect(exchange.receive(Support.base64("tanstaaftanstaaf")) == .lookup(authenticationID: "tim"))
        #expect(exchange.credentials(try Support.hash("tanstaaftanstaaf"))
            == .success(authenticationID: "tim", authorizationID: nil))
    }

    @Test func emptyInitialResponseGetsTheUsernamePrompt() {
        var exchange = Support.exchange(.login)
        #expect(exchange.start(initialResponse: "=") == .challenge("VXNlcm5hbWU6"))
    }

    @Test func nonASCIIPassword() throws {
        var exchange = Support.exchange(.login)
        _ = exchange.start(initialResponse: Support.base64("zoë"))
        #expect(exchange.receive(Support.base64("пароль-密码")) == .lookup(authenticationID: "zoë"))
        #expect(exchange.credentials(try Support.hash("пароль-密码")) == .success(authenticationID: "zoë", authorizationID: nil))
    }

    @Test func wrongPasswordAndUnknownUserFailAlike() throws {
        var wrong = Support.exchange(.login)
        _ = wrong.start(initialResponse: Support.base64("tim"))
        _ = wrong.receive(Support.base64("guess"))
        var unknown = Support.exchange(.login)
        _ = unknown.start(initialResponse: Support.base64("nobody"))
        _ = unknown.receive(Support.base64("guess"))
        let wrongResult = wrong.credentials(try Support.hash("tanstaaftanstaaf"))
        #expect(wrongResult == .failure(.invalidCredentials))
        #expect(unknown.credentials(nil) == wrongResult)
    }

    @Test func emptyPasswordIsMalformed() {
        var exchange = Support.exchange(.login)
        _ = exchange.start(initialResponse: Support.base64("tim"))
        #expect(exchange.receive("") == .failure(.malformedResponse))
    }

    @Test(arguments: 0..<2)
    func abortAtEveryStep(step: Int) {
        var exchange = Support.exchange(.login)
        _ = exchange.start(initialResponse: nil)
        if step > 0 { #expect(exchange.receive(Support.base64("tim")) == .challenge("UGFzc3dvcmQ6")) }
        #expect(exchange.receive("*") == .failure(.aborted))
    }
}
