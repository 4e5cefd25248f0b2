@testable import CarrierNetwork
import CarrierTesting
import Foundation
import NIOSSL
import Testing

@Suite struct SelfSignedCertificateTests {
    func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func createsPrivateKeyAndPublicCertificate() throws {
        let directory = try TemporaryDirectory("carrier-network")
        defer { directory.remove() }
        let files = try SelfSignedCertificate.ensure(directory: directory.path, hostname: "mail.test")
        #expect(files.created)
        #expect(files.certificatePath == directory.path + "/tls/cert.pem")
        #expect(files.keyPath == directory.path + "/tls/key.pem")
        #expect(try mode(files.keyPath) == 0o600)
        #expect(try mode(files.certificatePath) == 0o644)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/tls").sorted() == ["cert.pem", "key.pem"])
        let chain = try NIOSSLCertificate.fromPEMFile(files.certificatePath)
        #expect(chain.count == 1)
        _ = try NIOSSLPrivateKey(file: files.keyPath, format: .pem)
        _ = try TLSServerContext(certificateChain: files.certificatePath, privateKey: files.keyPath)
    }

    @Test func reusesAnExistingPair() throws {
        let directory = try TemporaryDirectory("carrier-network")
        defer { directory.remove() }
        let first = try SelfSignedCertificate.ensure(directory: directory.path, hostname: "mail.test")
        let certificate = try Data(contentsOf: URL(fileURLWithPath: first.certificatePath))
        let key = try Data(contentsOf: URL(fileURLWithPath: first.keyPath))
        let second = try SelfSignedCertificate.ensure(directory: directory.path, hostname: "mail.test")
        #expect(!second.created)
        #expect(try Data(contentsOf: URL(fileURLWithPath: second.certificatePath)) == certificate)
        #expect(try Data(contentsOf: URL(fileURLWithPath: second.keyPath)) == key)
    }

    /// A key without its certificate is what a crash between the two writes leaves.
    @Test func makesANewPairWhenTheCertificateIsMissing() throws {
        let directory = try TemporaryDirectory("carrier-network")
        defer { directory.remove() }
        let first = try SelfSignedCertificate.ensure(directory: directory.path, hostname: "mail.test")
        let key = try Data(contentsOf: URL(fileURLWithPath: first.keyPath))
        try FileManager.default.removeItem(atPath: first.certificatePath)
        let second = try SelfSignedCertificate.ensure(directory: directory.path, hostname: "mail.test")
        #expect(second.created)
        #expect(try Data(contentsOf: URL(fileURLWithPath: second.keyPath)) != key)
        _ = try TLSServerContext(certificateChain: second.certificatePath, privateKey: second.keyPath)
    }

    /// A client that checks the chain and the name accepts it once it trusts it.
    @Test func verifiesForTheHostName() async throws {
        try await ListenerFixture.with(.implicit) { fixture in
            let context = try TLSLineClient.context(trusting: fixture.certificatePath)
            let good = try await TLSLineClient.connect(port: fixture.port, tls: context, serverName: ListenerFixture.hostname)
            #expect(try await good.handshakeResult(), "\(good.failure ?? "")")
            await good.close()
            let wrongName = try await TLSLineClient.connect(port: fixture.port, tls: context, serverName: "other.test")
            #expect(try await wrongName.handshakeResult() == false)
            await wrongName.close()
        }
    }

    @Test func certificateIsValidFromAnHourAgoForTenYears() throws {
        let now = Date()
        let pem = try SelfSignedCertificate.make(hostname: "mail.test", now: now).certificate
        let certificate = try #require(try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8)).first)
        #expect(abs(certificate.notValidBefore - (time_t(now.timeIntervalSince1970) - 3600)) <= 1)
        #expect(certificate.notValidAfter >= time_t(now.timeIntervalSince1970) + 10 * 365 * 86_400)
    }
}
