import Crypto

extension SASLServerExchange {
    /// A fresh server nonce for `init(mechanism:serverNonce:)`: 24 random
    /// octets in base64, 32 characters with no `,` and no padding, as RFC 5802
    /// §5.1 "r" asks (printable, unpredictable, new for every exchange).
    public static func randomNonce() -> String {
        SymmetricKey(size: SymmetricKeySize(bitCount: 192)).withUnsafeBytes { SASLBase64.encode($0) }
    }
}
