import CarrierNetwork
import CarrierTesting
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A `StreamListener` on 127.0.0.1, port 0, whose connections get
/// `FakeStreamSession`s, with a self-signed certificate for `mail.test` in a
/// temporary data directory.
struct ListenerFixture: Sendable {
    enum Mode {
        case plaintext, startTLS, implicit
    }

    static let hostname = "mail.test"

    let directory: TemporaryDirectory
    let certificatePath: String
    let server: TLSServerContext
    let listener: StreamListener
    let registry: ConnectionRegistry
    private let sessions: NIOLockedValueBox<[FakeStreamSession]>

    var port: Int { listener.boundPorts[0] }

    /// Runs `body` against a fresh listener, then closes it and removes the directory.
    static func with(_ mode: Mode, startTLSDelay: Duration? = nil, idleTimeout: TimeAmount = .seconds(30),
                     _ body: (ListenerFixture) async throws -> Void) async throws {
        let directory = try TemporaryDirectory("carrier-network")
        defer { directory.remove() }
        let files = try SelfSignedCertificate.ensure(directory: directory.path, hostname: hostname)
        let server = try TLSServerContext(certificateChain: files.certificatePath, privateKey: files.keyPath)
        let tls: ListenerTLS = switch mode {
        case .plaintext: .none
        case .startTLS: .startTLS(server)
        case .implicit: .implicit(server)
        }
        let sessions = NIOLockedValueBox<[FakeStreamSession]>([])
        let registry = ConnectionRegistry()
        let listener = try await StreamListener.bind(
            [.address(host: "127.0.0.1", port: 0)], group: MultiThreadedEventLoopGroup.singleton,
            idleTimeout: idleTimeout, tls: tls, registry: registry
        ) { _ in
            let session = FakeStreamSession(startTLSDelay: startTLSDelay)
            sessions.withLockedValue { $0.append(session) }
            return session
        }
        let fixture = ListenerFixture(directory: directory, certificatePath: files.certificatePath, server: server,
                                      listener: listener, registry: registry, sessions: sessions)
        do {
            try await body(fixture)
        } catch {
            await listener.close()
            throw error
        }
        await listener.close()
    }

    /// The session of the `index`th accepted connection, once there is one.
    func session(_ index: Int = 0) async throws -> FakeStreamSession {
        try await poll("connection \(index)") {
            sessions.withLockedValue { $0.count > index ? $0[index] : nil }
        }
    }
}
