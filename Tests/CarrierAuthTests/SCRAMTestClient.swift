import Crypto
import Foundation
@testable import CarrierAuth

/// The client side of SCRAM-SHA-256 (RFC 5802 §3), to drive the server with
/// proofs computed independently of it.
struct SCRAMTestClient {
    let password: String
    let gs2Header: String
    let clientFirstBare: String

    var clientFirst: String { gs2Header + clientFirstBare }

    /// The client-final message answering `serverFirst`, with a valid proof.
    func clientFinal(serverFirst: String) throws -> String {
        let fields = Dictionary(uniqueKeysWithValues: serverFirst.split(separator: ",").map {
            (String($0.prefix(1)), String($0.dropFirst(2)))
        })
        let salt = Array(Data(base64Encoded: fields["s"]!)!)
        let salted = try PasswordHash.saltedPassword(password: password, salt: salt, iterations: Int(fields["i"]!)!)
        let clientKey = Array(HMAC<SHA256>.authenticationCode(for: Array("Client Key".utf8), using: salted))
        let storedKey = Array(SHA256.hash(data: clientKey))
        let withoutProof = "c=\(SASLTestSupport.base64(gs2Header)),r=\(fields["r"]!)"
        let authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof
        let signature = HMAC<SHA256>.authenticationCode(for: Array(authMessage.utf8), using: SymmetricKey(data: storedKey))
        let proof = zip(clientKey, signature).map { $0 ^ $1 }
        return withoutProof + ",p=" + SASLTestSupport.base64(proof)
    }
}
