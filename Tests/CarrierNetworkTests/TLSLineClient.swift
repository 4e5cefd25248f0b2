import CarrierTesting
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS

/// A NIO client for tests that speaks lines to a live listener, in plaintext
/// or TLS from the start, and can upgrade to TLS in the middle (STARTTLS).
final class TLSLineClient: Sendable {
    struct State {
        var received: [UInt8] = []
        var handshakeCompleted = false
        var failure: String?
        var closed = false
    }

    let channel: any Channel
    private let state: NIOLockedValueBox<State>

    private init(channel: any Channel, state: NIOLockedValueBox<State>) {
        self.channel = channel
        self.state = state
    }

    /// Connects to 127.0.0.1:`port`; with `tls`, the handshake starts at once (implicit TLS).
    static func connect(port: Int, tls: NIOSSLContext? = nil, serverName: String? = nil) async throws -> TLSLineClient {
        let state = NIOLockedValueBox(State())
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHandler(Recorder(state: state))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return TLSLineClient(channel: channel, state: state)
    }

    /// A client TLS context that trusts only the certificate in `certificatePath`
    /// (so host names are checked), or anything when it is nil.
    static func context(trusting certificatePath: String? = nil, maximumVersion: TLSVersion? = nil,
                        cipherSuites: [NIOTLSCipher]? = nil) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let certificatePath {
            configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(certificatePath))
        } else {
            configuration.certificateVerification = .none
        }
        configuration.maximumTLSVersion = maximumVersion
        if let cipherSuites { configuration.cipherSuiteValues = cipherSuites }
        return try NIOSSLContext(configuration: configuration)
    }

    /// Why the connection failed, as the client's pipeline reported it.
    var failure: String? { state.withLockedValue { $0.failure } }

    func send(_ text: String) async throws {
        try await channel.writeAndFlush(channel.allocator.buffer(string: text)).get()
    }

    /// The next CRLF line, without the CRLF.
    func readLine() async throws -> String {
        try await poll("a line") {
            try state.withLockedValue { state -> String? in
                if let end = state.received.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = state.received[..<end].filter { $0 != UInt8(ascii: "\r") }
                    state.received.removeSubrange(...end)
                    return String(decoding: line, as: UTF8.self)
                }
                if state.closed { throw PollTimeout(what: "a line (connection closed)") }
                return nil
            }
        }
    }

    /// Starts TLS on the open connection; true once the handshake completes,
    /// false if it fails or the server closes.
    func startTLS(_ context: NIOSSLContext, serverName: String? = nil) async throws -> Bool {
        do {
            try await channel.eventLoop.submit { [channel] in
                try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: serverName),
                                                               position: .first)
            }.get()
        } catch ChannelError.ioOnClosedChannel {
            return false
        }
        return try await handshakeResult()
    }

    /// Waits for the handshake that is under way: true when it completes,
    /// false if it fails or the server closes.
    func handshakeResult() async throws -> Bool {
        try await poll("the TLS handshake") {
            state.withLockedValue { state in
                state.handshakeCompleted ? true : (state.failure != nil || state.closed ? false : nil)
            }
        }
    }

    /// Waits until the server has closed the connection.
    func waitUntilClosed() async throws {
        try await poll("the server to close") { state.withLockedValue { $0.closed ? () : nil } }
    }

    func peerCertificate() async throws -> NIOSSLCertificate? {
        try await channel.nioSSL_peerCertificate().get()
    }

    func close() async {
        try? await channel.close()
    }

    /// Keeps what arrives, the TLS outcome and the closing in the client's state.
    private final class Recorder: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        let state: NIOLockedValueBox<State>

        init(state: NIOLockedValueBox<State>) {
            self.state = state
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let bytes = unwrapInboundIn(data).readableBytesView
            state.withLockedValue { $0.received += bytes }
        }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if case TLSUserEvent.handshakeCompleted = event {
                state.withLockedValue { $0.handshakeCompleted = true }
            }
            context.fireUserInboundEventTriggered(event)
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            state.withLockedValue { $0.failure = "\(error)" }
            context.close(promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            state.withLockedValue { $0.closed = true }
            context.fireChannelInactive()
        }
    }
}
