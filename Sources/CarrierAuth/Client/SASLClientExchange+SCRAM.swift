import Crypto
import Foundation

extension SASLClientExchange {
    /// RFC 5802 §3 client-final-message for a server-first-message
    /// (`r=NONCE,s=SALT,i=ITERATIONS`): the nonce must extend ours, then the
    /// proof is ClientKey XOR HMAC(StoredKey, AuthMessage).
    mutating func scramClientFinal(_ message: [UInt8], clientFirstBare: String) throws(SASLClientFailure) -> String {
        guard let serverFirst = String(validating: message, as: UTF8.self) else { throw .malformedChallenge }
        let attributes = SCRAMSyntax.attributes(serverFirst)
        guard attributes.count >= 3, attributes[0].hasPrefix("r="), attributes[1].hasPrefix("s="),
              attributes[2].hasPrefix("i="), attributes.dropFirst(3).allSatisfy(SCRAMSyntax.isExtension),
              let salt = SASLBase64.decode(attributes[1].dropFirst(2)), !salt.isEmpty,
              let iterations = Int(attributes[2].dropFirst(2)) else { throw .malformedChallenge }
        let nonce = attributes[0].dropFirst(2)
        guard SCRAMSyntax.isNonce(nonce), nonce.hasPrefix(clientNonce), nonce.count > clientNonce.count else {
            throw .nonceMismatch
        }
        guard (1...Self.maximumIterations).contains(iterations) else { throw .unacceptableIterationCount }
        guard let salted = try? PasswordHash.saltedPassword(password: password, salt: salt, iterations: iterations) else {
            throw .malformedChallenge
        }
        let clientKey = Array(HMAC<SHA256>.authenticationCode(for: Array("Client Key".utf8), using: salted))
        let storedKey = Array(SHA256.hash(data: clientKey))
        let serverKey = Array(HMAC<SHA256>.authenticationCode(for: Array("Server Key".utf8), using: salted))
        let withoutProof = "c=\(SASLBase64.encode("n,,".utf8)),r=\(nonce)"
        let authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof
        let clientSignature = HMAC<SHA256>.authenticationCode(for: Array(authMessage.utf8),
                                                              using: SymmetricKey(data: storedKey))
        let proof = zip(clientKey, clientSignature).map { $0 ^ $1 }
        state = .awaitingSCRAMServerFinal(
            expectedSignature: ServerSignature.compute(serverKey: serverKey, authMessage: authMessage))
        return SASLBase64.encode((withoutProof + ",p=" + SASLBase64.encode(proof)).utf8)
    }

    /// RFC 5802 §7 server-final-message: `v=` must be the ServerSignature we
    /// computed; `e=` is the server's error.
    func scramVerify(_ message: [UInt8], expectedSignature: [UInt8]) throws(SASLClientFailure) {
        guard let text = String(validating: message, as: UTF8.self) else { throw .malformedChallenge }
        let first = SCRAMSyntax.attributes(text)[0]
        if first.hasPrefix("e=") { throw .serverError(String(first.dropFirst(2))) }
        guard first.hasPrefix("v="), let signature = SASLBase64.decode(first.dropFirst(2)) else {
            throw .malformedChallenge
        }
        guard ConstantTime.equal(signature, expectedSignature) else { throw .serverSignatureMismatch }
    }
}
