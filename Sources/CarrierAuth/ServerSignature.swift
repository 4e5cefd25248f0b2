import Crypto

/// RFC 5802 §3 `ServerSignature := HMAC(ServerKey, AuthMessage)`, which a SCRAM
/// server sends to prove it knows the credentials.
public enum ServerSignature {
    public static func compute(serverKey: [UInt8], authMessage: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(authMessage.utf8), using: SymmetricKey(data: serverKey)))
    }
}
