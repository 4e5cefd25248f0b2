import NIOConcurrencyHelpers
import NIOCore
import NIOSSL

/// The server side of TLS for listeners that share one certificate: a PEM
/// chain (leaf first, then intermediates) and its private key, TLS 1.2 or
/// later, NIOSSL's default cipher list.
///
/// `reload()` (SIGHUP) reads the files again and swaps the new context in for
/// handshakes that start afterwards; established sessions keep the one they
/// began with. Loading reads files: call it off the event loop.
public final class TLSServerContext: Sendable {
    public let certificateChainPath: String
    public let privateKeyPath: String
    public let minimumVersion: TLSVersion
    private let current: NIOLockedValueBox<NIOSSLContext>

    /// Loads the files; throws `TLSFileError` naming the one that is wrong and why.
    public init(certificateChain: String, privateKey: String, minimumVersion: TLSVersion = .tlsv12) throws {
        certificateChainPath = certificateChain
        privateKeyPath = privateKey
        self.minimumVersion = minimumVersion
        current = NIOLockedValueBox(try Self.load(certificateChain, privateKey, minimumVersion))
    }

    /// Loads the files again; if that fails the previous certificate stays in use.
    public func reload() throws {
        let context = try Self.load(certificateChainPath, privateKeyPath, minimumVersion)
        current.withLockedValue { $0 = context }
    }

    /// Handlers for the front of a connection's pipeline that make it the TLS server.
    func makeServerHandlers() -> [any ChannelHandler] {
        [TLSCipherSuiteHandler(), NIOSSLServerHandler(context: current.withLockedValue { $0 })]
    }

    private static func load(_ chainPath: String, _ keyPath: String, _ minimumVersion: TLSVersion) throws -> NIOSSLContext {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMBytes(TLSFiles.contents(of: chainPath))
        } catch let error as TLSFileError {
            throw error
        } catch {
            throw TLSFileError(path: chainPath, reason: "not a PEM certificate chain")
        }
        guard !chain.isEmpty else { throw TLSFileError(path: chainPath, reason: "no certificate in the file") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(bytes: TLSFiles.contents(of: keyPath), format: .pem)
        } catch let error as TLSFileError {
            throw error
        } catch {
            throw TLSFileError(path: keyPath, reason: "not an unencrypted PEM private key")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = minimumVersion
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw TLSFileError(path: keyPath, reason: "does not fit the certificate in \(chainPath) (\(error))")
        }
    }
}
