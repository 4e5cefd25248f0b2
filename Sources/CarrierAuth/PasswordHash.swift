import Crypto
import _CryptoExtras
import Foundation

/// A password stored as SCRAM-SHA-256 credentials (RFC 5802 §3, RFC 7677):
/// PBKDF2-SHA256 over a random salt gives the SaltedPassword, from which only
/// StoredKey and ServerKey are kept. A plaintext login is checked by deriving
/// StoredKey again; SCRAM-SHA-256 can be served from the same record.
///
/// Text form (as Dovecot's `SCRAM-SHA-256` scheme):
/// `{SCRAM-SHA-256}ITERATIONS,SALT_B64,STOREDKEY_B64,SERVERKEY_B64`.
public struct PasswordHash: Equatable, Sendable, CustomStringConvertible {
    public static let scheme = "{SCRAM-SHA-256}"
    /// OWASP's minimum for PBKDF2-HMAC-SHA256.
    public static let defaultIterations = 210_000

    public let iterations: Int
    public let salt: [UInt8]
    public let storedKey: [UInt8]
    public let serverKey: [UInt8]

    /// Errors reading a stored hash.
    public enum Failure: Error, Equatable {
        case malformed
        case derivationFailed
    }

    public init(iterations: Int, salt: [UInt8], storedKey: [UInt8], serverKey: [UInt8]) {
        self.iterations = iterations
        self.salt = salt
        self.storedKey = storedKey
        self.serverKey = serverKey
    }

    /// Hashes `password` with a fresh 16-byte random salt.
    public static func make(password: String, iterations: Int = defaultIterations) throws -> PasswordHash {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return try derive(password: password, salt: salt, iterations: iterations)
    }

    /// Derives the credentials for a known salt (RFC 5802 §3: SaltedPassword,
    /// ClientKey, StoredKey, ServerKey).
    public static func derive(password: String, salt: [UInt8], iterations: Int) throws -> PasswordHash {
        let salted = try saltedPassword(password: password, salt: salt, iterations: iterations)
        let clientKey = Array(HMAC<SHA256>.authenticationCode(for: Array("Client Key".utf8), using: salted))
        let storedKey = Array(SHA256.hash(data: clientKey))
        let serverKey = Array(HMAC<SHA256>.authenticationCode(for: Array("Server Key".utf8), using: salted))
        return PasswordHash(iterations: iterations, salt: salt, storedKey: storedKey, serverKey: serverKey)
    }

    /// RFC 5802 §2.2 `Hi(Normalize(password), salt, i)`, i.e. PBKDF2-HMAC-SHA256.
    public static func saltedPassword(password: String, salt: [UInt8], iterations: Int) throws -> SymmetricKey {
        do {
            return try KDF.Insecure.PBKDF2.deriveKey(from: Array(password.utf8), salt: salt, using: .sha256,
                                                     outputByteCount: 32, unsafeUncheckedRounds: iterations)
        } catch {
            throw Failure.derivationFailed
        }
    }

    /// True when `password` produces this record's StoredKey (constant-time compare).
    public func verify(password: String) -> Bool {
        guard let candidate = try? PasswordHash.derive(password: password, salt: salt, iterations: iterations) else {
            return false
        }
        return ConstantTime.equal(candidate.storedKey, storedKey)
    }

    public var description: String {
        Self.scheme + [String(iterations), Data(salt).base64EncodedString(),
                       Data(storedKey).base64EncodedString(), Data(serverKey).base64EncodedString()].joined(separator: ",")
    }

    /// Parses the text form written by `description`.
    public init(parsing text: String) throws(Failure) {
        guard text.hasPrefix(Self.scheme) else { throw .malformed }
        let fields = text.dropFirst(Self.scheme.count).split(separator: ",", omittingEmptySubsequences: false)
        guard fields.count == 4, let iterations = Int(fields[0]), iterations > 0,
              let salt = Data(base64Encoded: String(fields[1])),
              let stored = Data(base64Encoded: String(fields[2])),
              let server = Data(base64Encoded: String(fields[3])), stored.count == 32, server.count == 32 else {
            throw .malformed
        }
        self.init(iterations: iterations, salt: Array(salt), storedKey: Array(stored), serverKey: Array(server))
    }
}
