import Crypto
import Foundation
import X509

/// The certificate Carrier makes for itself when none is configured: a P-256
/// key and a self-signed certificate for the host name, kept in the data directory.
public enum SelfSignedCertificate {
    /// Returns `directory/tls/cert.pem` and `key.pem`, reusing them when both
    /// exist and creating both otherwise (`created` says which, for the log).
    /// The key is written first and the certificate last, so a crash in
    /// between leaves no certificate and the next start makes a new pair.
    public static func ensure(directory: String, hostname: String) throws
        -> (certificatePath: String, keyPath: String, created: Bool)
    {
        let folder = directory + "/tls"
        let certificatePath = folder + "/cert.pem"
        let keyPath = folder + "/key.pem"
        if TLSFiles.exists(certificatePath) && TLSFiles.exists(keyPath) {
            return (certificatePath, keyPath, false)
        }
        let pair: (certificate: String, key: String)
        do {
            pair = try make(hostname: hostname, now: Date())
        } catch {
            throw TLSFileError(path: certificatePath, reason: "cannot make a certificate for \(hostname): \(error)")
        }
        try TLSFiles.makeDirectory(folder)
        try TLSFiles.remove(certificatePath)
        try TLSFiles.replace(keyPath, with: Array(pair.key.utf8), mode: 0o600)
        try TLSFiles.replace(certificatePath, with: Array(pair.certificate.utf8), mode: 0o644)
        return (certificatePath, keyPath, true)
    }

    /// A PEM certificate (CN and DNS name `hostname`, server authentication,
    /// valid from an hour ago for ten years) and its PKCS #8 PEM key. There is
    /// no key usage extension: with one lacking `keyCertSign` (which RFC 5280
    /// §4.2.1.3 reserves for CAs) BoringSSL and others do not see the
    /// certificate as self-signed, and a client that pins it cannot verify it.
    static func make(hostname: String, now: Date) throws -> (certificate: String, key: String) {
        let key = P256.Signing.PrivateKey()
        let signer = Certificate.PrivateKey(key)
        let name = try DistinguishedName { CommonName(hostname) }
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.notCertificateAuthority)
            try ExtendedKeyUsage([.serverAuth])
            SubjectAlternativeNames([.dnsName(hostname)])
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: signer.publicKey,
            notValidBefore: now - 3600, notValidAfter: now + 3653 * 86_400,
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions, issuerPrivateKey: signer)
        return (try certificate.serializeAsPEM().pemString, key.pemRepresentation)
    }
}
