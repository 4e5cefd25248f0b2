import Foundation
@testable import CarrierAuth

/// Helpers shared by the SASL exchange tests.
enum SASLTestSupport {
    /// A fixed server nonce: RFC 7677 §3's server part.
    static let serverNonce = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0"

    static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    static func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }

    /// The text a base64 challenge carries.
    static func decode(_ step: SASLStep) -> String? {
        guard case .challenge(let text) = step, let data = Data(base64Encoded: text) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Credentials for `password` with a cheap iteration count.
    static func hash(_ password: String) throws -> PasswordHash {
        try PasswordHash.derive(password: password, salt: Array("fixed salt bytes".utf8), iterations: 4096)
    }

    static func exchange(_ mechanism: SASLMechanism) -> SASLServerExchange {
        SASLServerExchange(mechanism: mechanism, serverNonce: serverNonce)
    }
}
