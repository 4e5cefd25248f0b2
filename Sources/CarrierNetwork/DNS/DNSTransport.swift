import NIOCore
import NIOPosix

/// One query to one server over UDP (a fresh socket on a kernel-chosen
/// port, RFC 5452 §9.2) or TCP (RFC 1035 §4.2), bounded by `timeout`. Every
/// failure is a `DNSError.temporary`.
enum DNSTransport {
    enum Kind: String { case udp = "UDP", tcp = "TCP" }

    static func exchange(_ query: DNSMessage, with server: DNSServerAddress, over transport: Kind,
                         timeout: Duration, group: any EventLoopGroup) async throws -> DNSMessage {
        let bytes = try query.encoded()
        let address: SocketAddress
        do {
            address = try SocketAddress(ipAddress: server.host, port: server.port)
        } catch {
            throw DNSError.temporary("bad name server address \(server)")
        }
        let loop = group.next()
        let promise = loop.makePromise(of: DNSMessage.self)
        let timer = loop.scheduleTask(in: TimeAmount(timeout)) {
            promise.fail(DNSError.temporary("\(transport.rawValue) to \(server) timed out"))
        }
        promise.futureResult.whenComplete { _ in timer.cancel() }
        do {
            let channel = switch transport {
            case .udp: try await udp(bytes, query, to: address, loop: loop, promise: promise)
            case .tcp: try await tcp(bytes, query, to: address, loop: loop, timeout: timeout, promise: promise)
            }
            promise.futureResult.whenComplete { _ in channel.close(promise: nil) }
        } catch {
            promise.fail(DNSError.temporary("\(transport.rawValue) to \(server): \(error)"))
        }
        return try await promise.futureResult.get()
    }

    private static func udp(_ bytes: [UInt8], _ query: DNSMessage, to address: SocketAddress,
                            loop: any EventLoop, promise: EventLoopPromise<DNSMessage>) async throws -> any Channel {
        let channel = try await DatagramBootstrap(group: loop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        DNSDatagramHandler(server: address, query: query, promise: promise))
                }
            }
            .bind(host: address.protocol == .inet6 ? "::" : "0.0.0.0", port: 0).get()
        let envelope = AddressedEnvelope(remoteAddress: address, data: ByteBuffer(bytes: bytes))
        channel.writeAndFlush(envelope).whenFailure { error in
            promise.fail(DNSError.temporary("UDP to \(address): \(error)"))
        }
        return channel
    }

    private static func tcp(_ bytes: [UInt8], _ query: DNSMessage, to address: SocketAddress, loop: any EventLoop,
                            timeout: Duration, promise: EventLoopPromise<DNSMessage>) async throws -> any Channel {
        try await ClientBootstrap(group: loop)
            .connectTimeout(TimeAmount(timeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        DNSStreamHandler(query: query, queryBytes: bytes, promise: promise))
                }
            }
            .connect(to: address).get()
    }
}
