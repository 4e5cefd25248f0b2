import Crypto

/// Credentials for a user who does not exist, so that a SCRAM server-first
/// message (RFC 5802 §5) and the time a PLAIN or LOGIN check takes do not
/// reveal which users exist. The salt is an HMAC of the username under a key
/// drawn once per process: a prober sees the same salt each time, as for a real
/// user, and the iteration count new passwords get.
enum SASLDecoyCredentials {
    private static let key: [UInt8] = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }

    static func hash(for username: String) -> PasswordHash {
        PasswordHash(iterations: PasswordHash.defaultIterations, salt: Array(mac("salt", username).prefix(16)),
                     storedKey: mac("stored", username), serverKey: mac("server", username))
    }

    private static func mac(_ label: String, _ username: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array((label + "\0" + username).utf8), using: SymmetricKey(data: key)))
    }
}
