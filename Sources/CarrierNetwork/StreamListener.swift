import NIOCore
import NIOPosix

/// A TCP listener for one service on several addresses: each accepted
/// connection gets a fresh `StreamSession` from `makeSession`, an idle timer,
/// a place in the `ConnectionRegistry`, and TLS as the listener's `ListenerTLS` says.
public struct StreamListener: Sendable {
    /// The peer of an accepted connection and how many connections it has open.
    public struct Peer: Sendable {
        public var address: String
        public var port: Int
        public var openConnections: Int
    }

    /// A bind that failed, with the address that could not be used.
    public struct BindFailure: Error, CustomStringConvertible {
        public var host: String
        public var port: Int
        public var reason: String
        public var description: String { "cannot listen on \(host):\(port): \(reason)" }
    }

    public let channels: [any Channel]

    /// Where to listen: an address to bind, or a socket a privileged parent already bound.
    public enum Endpoint: Sendable {
        case address(host: String, port: Int)
        case inherited(descriptor: Int32)
    }

    /// Binds (or adopts) every endpoint; on failure closes what was bound and throws `BindFailure`.
    ///
    /// A client silent for `idleTimeout` (or, when given and shorter,
    /// `silenceCheck`) is reported to the session, which decides whether to
    /// close: IMAP checks every `imap_login_timeout` and closes sooner before
    /// login. A client that reads nothing of a response for `idleTimeout` is
    /// disconnected.
    public static func bind(
        _ endpoints: [Endpoint], group: any EventLoopGroup, idleTimeout: TimeAmount, silenceCheck: TimeAmount? = nil,
        tls: ListenerTLS = .none, registry: ConnectionRegistry, makeSession: @escaping @Sendable (Peer) -> any StreamSession
    ) async throws -> StreamListener {
        let readTimeout = min(idleTimeout, silenceCheck ?? idleTimeout)
        var bound: [any Channel] = []
        for endpoint in endpoints {
            let bootstrap = ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 1024)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
                .childChannelOption(.autoRead, value: false)
                .childChannelInitializer { channel in
                    let address = channel.remoteAddress?.ipAddress ?? "unknown"
                    let peerPort = channel.remoteAddress?.port ?? 0
                    let count = registry.add(channel, client: address)
                    let session = makeSession(Peer(address: address, port: peerPort, openConnections: count))
                    return channel.eventLoop.makeCompletedFuture {
                        if case .implicit(let server) = tls {
                            try channel.pipeline.syncOperations.addHandlers(server.makeServerHandlers())
                        }
                        try channel.pipeline.syncOperations.addHandlers([
                            IdleStateHandler(readTimeout: readTimeout, writeTimeout: idleTimeout),
                            StreamSessionHandler(session: session, tls: tls),
                        ])
                    }
                }
            do {
                switch endpoint {
                case .address(let host, let port):
                    bound.append(try await bootstrap.bind(host: host, port: port).get())
                case .inherited(let descriptor):
                    bound.append(try await bootstrap.withBoundSocket(descriptor).get())
                }
            } catch {
                for channel in bound { try? await channel.close() }
                switch endpoint {
                case .address(let host, let port): throw BindFailure(host: host, port: port, reason: "\(error)")
                case .inherited(let fd): throw BindFailure(host: "inherited socket", port: Int(fd), reason: "\(error)")
                }
            }
        }
        return StreamListener(channels: bound)
    }

    /// The ports actually bound (useful with port 0 in tests).
    public var boundPorts: [Int] { channels.compactMap { $0.localAddress?.port } }

    /// Stops accepting new connections.
    public func close() async {
        for channel in channels { try? await channel.close() }
    }
}
