import Foundation
import Testing
@testable import CarrierAuth

@Suite struct SCRAMExchangeTests {
    typealias Support = SASLTestSupport

    static let clientFirst = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO"
    static let serverFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
    static let clientFinal = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
        + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="
    static let serverFinal = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="

    /// RFC 7677 §3's user "user" with password "pencil".
    static func pencil() throws -> PasswordHash {
        try PasswordHash.derive(password: "pencil", salt: Array(Data(base64Encoded: "W22ZaJ0SNY7soEsUEjb6gQ==")!),
                                iterations: 4096)
    }

    /// An exchange that has sent the RFC 7677 server-first message.
    static func atClientFinal(hash: PasswordHash?) -> SASLServerExchange {
        var exchange = Support.exchange(.scramSHA256)
        _ = exchange.start(initialResponse: Support.base64(clientFirst))
        _ = exchange.credentials(hash)
        return exchange
    }

    @Test func rfc7677ExchangeWithInitialResponse() throws {
        var exchange = Support.exchange(.scramSHA256)
        #expect(exchange.start(initialResponse: Support.base64(Self.clientFirst)) == .lookup(authenticationID: "user"))
        #expect(exchange.credentials(try Self.pencil()) == .challenge(Support.base64(Self.serverFirst)))
        #expect(exchange.receive(Support.base64(Self.clientFinal)) == .challenge(Support.base64(Self.serverFinal)))
        #expect(exchange.receive("") == .success(authenticationID: "user", authorizationID: nil))
    }

    @Test func rfc7677ExchangeWithoutInitialResponse() throws {
        var exchange = Support.exchange(.scramSHA256)
        #expect(exchange.start(initialResponse: nil) == .challenge(""))
        #expect(exchange.receive(Support.base64(Self.clientFirst)) == .lookup(authenticationID: "user"))
        #expect(exchange.credentials(try Self.pencil()) == .challenge(Support.base64(Self.serverFirst)))
        #expect(exchange.receive(Support.base64(Self.clientFinal)) == .challenge(Support.base64(Self.serverFinal)))
        #expect(exchange.receive("") == .success(authenticationID: "user", authorizationID: nil))
    }

    @Test func wrongProofIsInvalidCredentials() throws {
        var exchange = Self.atClientFinal(hash: try Self.pencil())
        let wrong = Self.clientFinal.replacingOccurrences(of: "p=dHzb", with: "p=dHzc")
        #expect(exchange.receive(Support.base64(wrong)) == .failure(.invalidCredentials))
    }

    @Test func wrongPasswordIsInvalidCredentials() throws {
        var exchange = Self.atClientFinal(hash: try PasswordHash.derive(
            password: "pencils", salt: Array(Data(base64Encoded: "W22ZaJ0SNY7soEsUEjb6gQ==")!), iterations: 4096))
        #expect(exchange.receive(Support.base64(Self.clientFinal)) == .failure(.invalidCredentials))
    }

    @Test func unknownUserGetsDecoyServerFirstAndFailsLikeAWrongPassword() throws {
        var exchange = Support.exchange(.scramSHA256)
        #expect(exchange.start(initialResponse: Support.base64(Self.clientFirst)) == .lookup(authenticationID: "user"))
        let serverFirst = try #require(Support.decode(exchange.credentials(nil)))
        let fields = serverFirst.split(separator: ",").map(String.init)
        #expect(fields.count == 3)
        #expect(fields.first == "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0")
        #expect(Data(base64Encoded: String(fields[1].dropFirst(2)))?.count == 16)
        #expect(fields.last == "i=\(PasswordHash.defaultIterations)")
        #expect(exchange.receive(Support.base64(Self.clientFinal)) == .failure(.invalidCredentials))
        #expect(exchange.authenticationID == "user")
    }

    @Test func decoySaltIsStablePerUserAndDiffersBetweenUsers() {
        func serverFirst(_ user: String) -> String? {
            var exchange = Support.exchange(.scramSHA256)
            _ = exchange.start(initialResponse: Support.base64("n,,n=\(user),r=abc"))
            return Support.decode(exchange.credentials(nil))
        }
        #expect(serverFirst("ghost") != nil)
        #expect(serverFirst("ghost") == serverFirst("ghost"))
        #expect(serverFirst("ghost") != serverFirst("phantom"))
    }

    /// A correct proof computed from a decoy's salt still fails: the decoy keys
    /// are not derived from any password.
    @Test func unknownUserFailsEvenWithAProofForTheDecoySalt() throws {
        let client = SCRAMTestClient(password: "pencil", gs2Header: "n,,", clientFirstBare: "n=nobody,r=xyz")
        var exchange = Support.exchange(.scramSHA256)
        _ = exchange.start(initialResponse: Support.base64(client.clientFirst))
        let serverFirst = try #require(Support.decode(exchange.credentials(nil)))
        #expect(exchange.receive(Support.base64(try client.clientFinal(serverFirst: serverFirst)))
            == .failure(.invalidCredentials))
    }

    @Test func clientSupportingChannelBindingWithYFlagUsesEswsBinding() throws {
        let client = SCRAMTestClient(password: "pw", gs2Header: "y,,", clientFirstBare: "n=ann,r=nonce1")
        var exchange = Support.exchange(.scramSHA256)
        #expect(exchange.start(initialResponse: Support.base64(client.clientFirst)) == .lookup(authenticationID: "ann"))
        let serverFirst = try #require(Support.decode(exchange.credentials(try Support.hash("pw"))))
        let clientFinal = try client.clientFinal(serverFirst: serverFirst)
        #expect(clientFinal.hasPrefix("c=eSws,"))
        #expect(Support.decode(exchange.receive(Support.base64(clientFinal)))?.hasPrefix("v=") == true)
        #expect(exchange.receive("") == .success(authenticationID: "ann", authorizationID: nil))
    }

    @Test func channelBindingMustMatchTheGS2Header() throws {
        let client = SCRAMTestClient(password: "pw", gs2Header: "y,,", clientFirstBare: "n=ann,r=nonce1")
        var exchange = Support.exchange(.scramSHA256)
        _ = exchange.start(initialResponse: Support.base64(client.clientFirst))
        let serverFirst = try #require(Support.decode(exchange.credentials(try Support.hash("pw"))))
        let forged = try client.clientFinal(serverFirst: serverFirst).replacingOccurrences(of: "c=eSws", with: "c=biws")
        #expect(exchange.receive(Support.base64(forged)) == .failure(.invalidCredentials))
    }

    @Test func nonceMustBeTheCombinedOne() throws {
        var exchange = Self.atClientFinal(hash: try Self.pencil())
        let truncated = Self.clientFinal.replacingOccurrences(of: "hNlF$k0,", with: "hNlF$k,")
        #expect(exchange.receive(Support.base64(truncated)) == .failure(.invalidCredentials))
    }

    @Test func channelBindingRequiredIsRefused() {
        var exchange = Support.exchange(.scramSHA256)
        let step = exchange.start(initialResponse: Support.base64("p=tls-unique,,n=user,r=abc"))
        #expect(step == .failure(.unsupportedChannelBinding))
    }

    @Test func authzidEqualToUserIsAcceptedAndReported() throws {
        let client = SCRAMTestClient(password: "pw", gs2Header: "n,a=ann,", clientFirstBare: "n=ann,r=nonce2")
        var exchange = Support.exchange(.scramSHA256)
        _ = exchange.start(initialResponse: Support.base64(client.clientFirst))
        let serverFirst = try #require(Support.decode(exchange.credentials(try Support.hash("pw"))))
        let clientFinal = try client.clientFinal(serverFirst: serverFirst)
        #expect(clientFinal.hasPrefix("c=\(Support.base64("n,a=ann,")),"))
        #expect(Support.decode(exchange.receive(Support.base64(clientFinal)))?.hasPrefix("v=") == true)
        #expect(exchange.receive("") == .success(authenticationID: "ann", authorizationID: "ann"))
    }

    @Test func authzidOfAnotherUserIsRefused() {
        var exchange = Support.exchange(.scramSHA256)
        #expect(exchange.start(initialResponse: Support.base64("n,a=root,n=ann,r=abc")) == .failure(.authorizationNotAllowed))
    }

    @Test func escapedSaslnameIsDecodedButHashedAsSent() throws {
        let client = SCRAMTestClient(password: "pw", gs2Header: "n,,", clientFirstBare: "n=a=2Cb=3Dc,r=nonce3")
        var exchange = Support.exchange(.scramSHA256)
        #expect(exchange.start(initialResponse: Support.base64(client.clientFirst)) == .lookup(authenticationID: "a,b=c"))
        let serverFirst = try #require(Support.decode(exchange.credentials(try Support.hash("pw"))))
        #expect(Support.decode(exchange.receive(Support.base64(try client.clientFinal(serverFirst: serverFirst))))?
            .hasPrefix("v=") == true)
        #expect(exchange.receive("") == .success(authenticationID: "a,b=c", authorizationID: nil))
    }

    @Test(arguments: [
        "n=user,r=abc",                 // no gs2 header
        "x,,n=user,r=abc",              // unknown flag
        "n,,n=user",                    // no nonce
        "n,,r=abc,n=user",              // attributes out of order
        "n,,m=ext,n=user,r=abc",        // mandatory extension (RFC 5802 §5.1 "m")
        "n,,n=us=3er,r=abc",            // bad saslname escape
        "n,,n=,r=abc",                  // empty user
        "n,,n=user,r=",                 // empty nonce
        "n,,n=user,r=abc,1=x",          // extension not ALPHA "=" value
        "n,x=user,n=user,r=abc",        // authzid without a=
    ])
    func malformedClientFirstIsRefused(message: String) {
        var exchange = Support.exchange(.scramSHA256)
        #expect(exchange.start(initialResponse: Support.base64(message)) == .failure(.malformedResponse))
    }

    @Test func unknownOptionalExtensionsAreIgnored() {
        var exchange = Support.exchange(.scramSHA256)
        #expect(exchange.start(initialResponse: Support.base64("n,,n=user,r=abc,x=ext")) == .lookup(authenticationID: "user"))
    }

    @Test(arguments: [
        "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
        "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0",
        "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=not*base64",
        "c=bi*s,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
    ])
    func malformedClientFinalIsRefused(message: String) throws {
        var exchange = Self.atClientFinal(hash: try Self.pencil())
        #expect(exchange.receive(Support.base64(message)) == .failure(.malformedResponse))
    }

    @Test func nonEmptyReplyToServerFinalIsRefused() throws {
        var exchange = Self.atClientFinal(hash: try Self.pencil())
        _ = exchange.receive(Support.base64(Self.clientFinal))
        #expect(exchange.receive(Support.base64("extra")) == .failure(.malformedResponse))
    }

    @Test(arguments: 0..<3)
    func abortAtEveryStep(step: Int) throws {
        var exchange = Support.exchange(.scramSHA256)
        #expect(exchange.start(initialResponse: nil) == .challenge(""))
        if step > 0 {
            _ = exchange.receive(Support.base64(Self.clientFirst))
            _ = exchange.credentials(try Self.pencil())
        }
        if step > 1 {
            #expect(exchange.receive(Support.base64(Self.clientFinal)) == .challenge(Support.base64(Self.serverFinal)))
        }
        #expect(exchange.receive("*") == .failure(.aborted))
        #expect(exchange.receive("") == .failure(.malformedResponse))
    }
}
