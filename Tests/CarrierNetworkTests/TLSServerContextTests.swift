import CarrierNetwork
import CarrierTesting
import Foundation
import NIOSSL
import Testing

@Suite struct TLSServerContextTests {
    /// Upgrades a new connection and returns the certificate the server showed.
    func certificateOfANewConnection(_ fixture: ListenerFixture) async throws -> NIOSSLCertificate? {
        let client = try await TLSLineClient.connect(port: fixture.port)
        _ = try await client.readLine()
        try await client.send("STARTTLS\r\n")
        _ = try await client.readLine()
        #expect(try await client.startTLS(try TLSLineClient.context()))
        let certificate = try await client.peerCertificate()
        await client.close()
        return certificate
    }

    @Test func reloadServesTheNewCertificateToNewConnectionsOnly() async throws {
        try await ListenerFixture.with(.startTLS) { fixture in
            let original = try NIOSSLCertificate.fromPEMFile(fixture.certificatePath)
            let established = try await TLSLineClient.connect(port: fixture.port)
            _ = try await established.readLine()
            try await established.send("STARTTLS\r\n")
            _ = try await established.readLine()
            #expect(try await established.startTLS(try TLSLineClient.context()))
            #expect(try await established.peerCertificate() == original.first)

            let other = try TemporaryDirectory("carrier-network")
            defer { other.remove() }
            let replacement = try SelfSignedCertificate.ensure(directory: other.path, hostname: "other.test")
            try replace(fixture.server.certificateChainPath, with: replacement.certificatePath)
            try replace(fixture.server.privateKeyPath, with: replacement.keyPath)
            try fixture.server.reload()

            let renewed = try NIOSSLCertificate.fromPEMFile(replacement.certificatePath)
            #expect(try await certificateOfANewConnection(fixture) == renewed.first)
            try await established.send("STILL HERE\r\n")
            #expect(try await established.readLine() == "STILL HERE")
            await established.close()
        }
    }

    @Test func failedReloadKeepsTheCurrentCertificate() async throws {
        try await ListenerFixture.with(.startTLS) { fixture in
            let original = try NIOSSLCertificate.fromPEMFile(fixture.certificatePath)
            try Data("not a certificate\n".utf8).write(to: URL(fileURLWithPath: fixture.server.certificateChainPath))
            #expect(throws: TLSFileError.self) { try fixture.server.reload() }
            #expect(try await certificateOfANewConnection(fixture) == original.first)
        }
    }

    @Test func missingFilesAreNamedWithTheReason() throws {
        let directory = try TemporaryDirectory("carrier-network")
        defer { directory.remove() }
        let files = try SelfSignedCertificate.ensure(directory: directory.path, hostname: "mail.test")
        let missing = directory.path + "/missing.pem"
        #expect(throws: TLSFileError(path: missing, reason: "No such file or directory")) {
            try TLSServerContext(certificateChain: missing, privateKey: files.keyPath)
        }
        #expect(throws: TLSFileError(path: missing, reason: "No such file or directory")) {
            try TLSServerContext(certificateChain: files.certificatePath, privateKey: missing)
        }
    }

    @Test func aFileWithoutACertificateIsNamed() throws {
        let directory = try TemporaryDirectory("carrier-network")
        defer { directory.remove() }
        let files = try SelfSignedCertificate.ensure(directory: directory.path, hostname: "mail.test")
        let error = #expect(throws: TLSFileError.self) {
            try TLSServerContext(certificateChain: files.keyPath, privateKey: files.keyPath)
        }
        #expect(error?.path == files.keyPath)
        #expect(error?.description.hasPrefix("\(files.keyPath): ") == true)
    }

    @Test func aKeyOfAnotherCertificateIsRefused() throws {
        let first = try TemporaryDirectory("carrier-network"), second = try TemporaryDirectory("carrier-network")
        defer { first.remove(); second.remove() }
        let a = try SelfSignedCertificate.ensure(directory: first.path, hostname: "a.test")
        let b = try SelfSignedCertificate.ensure(directory: second.path, hostname: "b.test")
        let error = #expect(throws: TLSFileError.self) {
            try TLSServerContext(certificateChain: a.certificatePath, privateKey: b.keyPath)
        }
        #expect(error?.path == b.keyPath)
    }

    private func replace(_ path: String, with source: String) throws {
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: source, toPath: path)
    }
}
