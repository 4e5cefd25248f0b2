import Foundation
import Testing
@testable import CarrierAuth

@Suite struct PasswordHashTests {
    /// RFC 7677 §3: user "user", password "pencil", salt W22ZaJ0SNY7soEsUEjb6gQ==, i=4096.
    /// The server signature there is HMAC(ServerKey, AuthMessage); we check the keys
    /// by recomputing that signature from the RFC's AuthMessage.
    @Test func rfc7677Vector() throws {
        let salt = Array(Data(base64Encoded: "W22ZaJ0SNY7soEsUEjb6gQ==")!)
        let hash = try PasswordHash.derive(password: "pencil", salt: salt, iterations: 4096)
        let authMessage = "n=user,r=rOprNGfwEbeRWgbNEkqO,"
            + "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
            + "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0"
        let signature = ServerSignature.compute(serverKey: hash.serverKey, authMessage: authMessage)
        #expect(Data(signature).base64EncodedString() == "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")
    }

    @Test func verifyAndRoundTrip() throws {
        let hash = try PasswordHash.make(password: "correct horse", iterations: 4096)
        #expect(hash.verify(password: "correct horse"))
        #expect(!hash.verify(password: "correct hors"))
        let parsed = try PasswordHash(parsing: hash.description)
        #expect(parsed == hash)
        #expect(parsed.verify(password: "correct horse"))
    }

    @Test func saltsDiffer() throws {
        let a = try PasswordHash.make(password: "x", iterations: 4096)
        let b = try PasswordHash.make(password: "x", iterations: 4096)
        #expect(a.salt != b.salt)
        #expect(a.storedKey != b.storedKey)
    }

    @Test(arguments: ["", "{SCRAM-SHA-256}", "{SCRAM-SHA-256}10,a,b", "{SCRAM-SHA-256}x,AAAA,AAAA,AAAA", "{PLAIN}secret"])
    func malformedRecordsRejected(text: String) {
        #expect(throws: PasswordHash.Failure.malformed) { try PasswordHash(parsing: text) }
    }

    @Test func defaultIterationsAreSlow() throws {
        let hash = try PasswordHash.make(password: "pw")
        #expect(hash.iterations >= 210_000)
        #expect(hash.verify(password: "pw"))
    }
}
