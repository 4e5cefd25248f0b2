import Crypto

extension PasswordHash {
    /// RFC 5802 §3 proof check: ClientSignature := HMAC(StoredKey, AuthMessage),
    /// ClientKey := ClientProof XOR ClientSignature, and H(ClientKey) must equal
    /// StoredKey (compared in constant time).
    func verify(clientProof: [UInt8], authMessage: String) -> Bool {
        let signature = HMAC<SHA256>.authenticationCode(for: Array(authMessage.utf8), using: SymmetricKey(data: storedKey))
        guard clientProof.count == SHA256.byteCount else { return false }
        let clientKey = zip(clientProof, signature).map { $0 ^ $1 }
        return ConstantTime.equal(Array(SHA256.hash(data: clientKey)), storedKey)
    }
}
