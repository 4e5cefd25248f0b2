import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS

/// An outgoing TCP connection as a byte stream for a client protocol session:
/// connect with a timeout, write, read what arrives, upgrade to TLS in place
/// (STARTTLS) verifying the peer as the caller's policy says, close. It decides
/// nothing about the protocol. One task drives a stream at a time (a read may
/// run in a child task while its owner waits), which is why the unchecked
/// `Sendable` is sound.
public final class ClientStream: @unchecked Sendable {
    /// Why a connection or upgrade failed, with the peer for the log.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// How the server certificate is checked on STARTTLS (Postfix's smtp_tls_security_level).
    public enum Verification: Sendable {
        /// Encrypt, accept any certificate (`may`, `encrypt`).
        case none
        /// Verify the chain against these CA certificates (a PEM file and/or a
        /// directory of PEM files) or else the system store, and the host name
        /// (`verify`, `secure`).
        case verify(caFile: String?, caPath: String? = nil, hostname: String)
    }

    let channel: any Channel
    private var iterator: AsyncThrowingStream<[UInt8], any Error>.AsyncIterator
    /// The peer's address and port, for logs (`host[address]:port`); taken at
    /// connect time, so they stay known after the connection is lost.
    public let peerAddress: String
    public let peerPort: Int

    private init(channel: any Channel, inbound: AsyncThrowingStream<[UInt8], any Error>) {
        self.channel = channel
        iterator = inbound.makeAsyncIterator()
        peerAddress = channel.remoteAddress?.ipAddress ?? "unknown"
        peerPort = channel.remoteAddress?.port ?? 0
    }

    /// Reads not yet taken by `read()` beyond which the peer is flooding us: the
    /// connection is closed rather than buffering more or dropping bytes.
    static let maximumPendingReads = 256

    public static func connect(host: String, port: Int, group: any EventLoopGroup, timeout: TimeAmount) async throws -> ClientStream {
        let (stream, continuation) = AsyncThrowingStream.makeStream(
            of: [UInt8].self, bufferingPolicy: .bufferingOldest(maximumPendingReads))
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(timeout)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(InboundBytesHandler(continuation: continuation))
                }
            }
        do {
            let channel = try await bootstrap.connect(host: host, port: port).get()
            return ClientStream(channel: channel, inbound: stream)
        } catch {
            throw Failure(description: "connect to \(host):\(port): \(error)")
        }
    }

    public func write(_ bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(channel.allocator.buffer(bytes: bytes))
    }

    /// The next bytes from the peer; nil when it closed the connection.
    public func read() async throws -> [UInt8]? {
        try await iterator.next()
    }

    /// The CA certificates of `caFile` and every PEM file in `caPath`, or the system store when neither is given.
    static func trustRoots(caFile: String?, caPath: String?) throws -> NIOSSLTrustRoots {
        guard let caPath else { return caFile.map { .file($0) } ?? .default }
        var certificates = try caFile.map { try NIOSSLCertificate.fromPEMFile($0) } ?? []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: caPath)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            if let found = try? NIOSSLCertificate.fromPEMFile(caPath + "/" + name) { certificates += found }
        }
        guard !certificates.isEmpty else { throw Failure(description: "no CA certificates in \(caFile ?? "") \(caPath)") }
        return .certificates(certificates)
    }

    /// Upgrades to TLS and waits for the handshake; returns what was negotiated.
    public func startTLS(serverName: String?, verification: Verification) async throws -> TLSInfo {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        switch verification {
        case .none:
            configuration.certificateVerification = .none
        case .verify(let caFile, let caPath, _):
            configuration.certificateVerification = .fullVerification
            configuration.trustRoots = try Self.trustRoots(caFile: caFile, caPath: caPath)
        }
        let hostname: String? = if case .verify(_, _, let name) = verification { name } else { serverName }
        let context = try NIOSSLContext(configuration: configuration)
        let channel = self.channel
        let promise = channel.eventLoop.makePromise(of: Void.self)
        let serverHostname = hostname.flatMap { $0.first?.isNumber == true ? nil : $0 }
        try await channel.eventLoop.submit {
            let handler = try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
            try channel.pipeline.syncOperations.addHandlers([TLSServerHelloReader(), handler, HandshakeWaiter(promise: promise)],
                                                            position: .first)
        }.get()
        do {
            try await promise.futureResult.get()
        } catch {
            throw Failure(description: "TLS handshake failed: \(error)")
        }
        let negotiated = try? await channel.eventLoop.submit { () -> (TLSVersion?, UInt16?) in
            let pipeline = channel.pipeline.syncOperations
            return (try pipeline.nioSSL_tlsVersion(), try pipeline.handler(type: TLSServerHelloReader.self).cipherSuite)
        }.get()
        return TLSInfo(protocolVersion: negotiated?.0.map(TLSInfo.name) ?? "unknown",
                       cipherSuite: negotiated?.1.map(TLSCipherSuiteNames.name) ?? "unknown")
    }

    public func close() async {
        try? await channel.close()
    }
}

/// Passes every inbound buffer to an async stream, in order and without loss;
/// ends it at close or error, and closes a peer that overruns the bound.
final class InboundBytesHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    let continuation: AsyncThrowingStream<[UInt8], any Error>.Continuation

    init(continuation: AsyncThrowingStream<[UInt8], any Error>.Continuation) {
        self.continuation = continuation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        guard let bytes = buffer.readBytes(length: buffer.readableBytes) else { return }
        if case .dropped = continuation.yield(bytes) {
            continuation.finish(throwing: ClientStream.Failure(description: "the peer sent more than we read; connection closed"))
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        continuation.finish(throwing: error)
        context.close(promise: nil)
    }
}

/// Completes a promise when the TLS handshake is done (or fails).
final class HandshakeWaiter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    private let promise: EventLoopPromise<Void>
    private var done = false

    init(promise: EventLoopPromise<Void>) {
        self.promise = promise
    }

    private func finish(_ result: Result<Void, any Error>) {
        guard !done else { return }
        done = true
        promise.completeWith(result)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case TLSUserEvent.handshakeCompleted = event { finish(.success(())) }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        finish(.failure(error))
        context.fireErrorCaught(error)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        finish(.failure(ClientStream.Failure(description: "connection closed during the TLS handshake")))
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(.failure(ClientStream.Failure(description: "connection closed during the TLS handshake")))
        context.fireChannelInactive()
    }
}
