import Foundation
import Testing
@testable import CarrierAuth

@Suite struct SASLClientExchangeTests {
    typealias Support = SASLTestSupport
    typealias Vector = SCRAMExchangeTests

    static func scram(password: String = "pencil") -> SASLClientExchange {
        SASLClientExchange(mechanism: .scramSHA256, username: "user", password: password, clientNonce: "rOprNGfwEbeRWgbNEkqO")
    }

    @Test func rfc7677Vector() throws {
        var client = Self.scram()
        #expect(client.start() == Support.base64(Vector.clientFirst))
        #expect(try client.respond(to: Support.base64(Vector.serverFirst)) == Support.base64(Vector.clientFinal))
        #expect(!client.isComplete)
        #expect(try client.respond(to: Support.base64(Vector.serverFinal)) == "")
        #expect(client.isComplete)
    }

    @Test func scramAgainstTheServer() throws {
        var client = Self.scram()
        var server = Support.exchange(.scramSHA256)
        #expect(server.start(initialResponse: client.start()) == .lookup(authenticationID: "user"))
        guard case .challenge(let serverFirst) = server.credentials(try Vector.pencil()) else { Issue.record(); return }
        guard case .challenge(let serverFinal) = server.receive(try client.respond(to: serverFirst)) else {
            Issue.record(); return
        }
        #expect(server.receive(try client.respond(to: serverFinal)) == .success(authenticationID: "user", authorizationID: nil))
        #expect(client.isComplete)
    }

    @Test func wrongServerSignatureFails() throws {
        var client = Self.scram()
        _ = client.start()
        _ = try client.respond(to: Support.base64(Vector.serverFirst))
        let forged = Vector.serverFinal.replacingOccurrences(of: "v=6rri", with: "v=6rrj")
        #expect(throws: SASLClientFailure.serverSignatureMismatch) { try client.respond(to: Support.base64(forged)) }
        #expect(!client.isComplete)
    }

    @Test func serverSignatureForAnotherPasswordFails() throws {
        var client = Self.scram(password: "pencils")
        _ = client.start()
        _ = try client.respond(to: Support.base64(Vector.serverFirst))
        #expect(throws: SASLClientFailure.serverSignatureMismatch) {
            try client.respond(to: Support.base64(Vector.serverFinal))
        }
    }

    @Test(arguments: [
        ("r=someoneElse%hvYD,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096", SASLClientFailure.nonceMismatch),
        ("r=rOprNGfwEbeRWgbNEkqO,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096", .nonceMismatch),
        ("r=rOprNGfwEbeRWgbNEkqOxyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=0", .unacceptableIterationCount),
        ("r=rOprNGfwEbeRWgbNEkqOxyz,i=4096", .malformedChallenge),
    ])
    func badServerFirstFails(serverFirst: String, failure: SASLClientFailure) {
        var client = Self.scram()
        _ = client.start()
        #expect(throws: failure) { try client.respond(to: Support.base64(serverFirst)) }
    }

    @Test func serverErrorInServerFinal() throws {
        var client = Self.scram()
        _ = client.start()
        _ = try client.respond(to: Support.base64(Vector.serverFirst))
        #expect(throws: SASLClientFailure.serverError("invalid-proof")) {
            try client.respond(to: Support.base64("e=invalid-proof"))
        }
    }

    @Test func plainAgainstTheServer() throws {
        var client = SASLClientExchange(mechanism: .plain, username: "alice", password: "secret", clientNonce: "n")
        let initial = client.start()
        #expect(initial == Support.base64("\0alice\0secret"))
        #expect(client.isComplete)
        var server = Support.exchange(.plain)
        #expect(server.start(initialResponse: initial) == .lookup(authenticationID: "alice"))
        #expect(server.credentials(try Support.hash("secret")) == .success(authenticationID: "alice", authorizationID: nil))
        #expect(throws: SASLClientFailure.unexpectedChallenge) { try client.respond(to: "") }
    }

    @Test func plainWithWrongPasswordIsRefusedByTheServer() throws {
        var client = SASLClientExchange(mechanism: .plain, username: "alice", password: "wrong", clientNonce: "n")
        var server = Support.exchange(.plain)
        _ = server.start(initialResponse: client.start())
        #expect(server.credentials(try Support.hash("secret")) == .failure(.invalidCredentials))
    }

    @Test func loginAgainstTheServer() throws {
        var client = SASLClientExchange(mechanism: .login, username: "alice", password: "secret", clientNonce: "n")
        var server = Support.exchange(.login)
        #expect(client.start() == nil)
        guard case .challenge(let username) = server.start(initialResponse: nil) else { Issue.record(); return }
        guard case .challenge(let password) = server.receive(try client.respond(to: username)) else { Issue.record(); return }
        #expect(!client.isComplete)
        #expect(server.receive(try client.respond(to: password)) == .lookup(authenticationID: "alice"))
        #expect(client.isComplete)
        #expect(server.credentials(try Support.hash("secret")) == .success(authenticationID: "alice", authorizationID: nil))
    }

    @Test func usernameIsEscapedAsASaslname() {
        var client = SASLClientExchange(mechanism: .scramSHA256, username: "a=b,c", password: "p", clientNonce: "abc")
        #expect(client.start() == Support.base64("n,,n=a=3Db=2Cc,r=abc"))
    }

    @Test func challengeThatIsNotBase64Fails() {
        var client = SASLClientExchange(mechanism: .login, username: "alice", password: "secret", clientNonce: "n")
        _ = client.start()
        #expect(throws: SASLClientFailure.malformedChallenge) { try client.respond(to: "not base64!") }
    }
}
