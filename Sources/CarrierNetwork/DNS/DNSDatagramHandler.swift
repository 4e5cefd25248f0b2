import NIOCore

/// Waits on a UDP socket for the reply to one query: datagrams from another
/// address, or that do not parse or do not match the query's id and question,
/// are dropped (RFC 5452 §9.1), so a forged or stray packet cannot end the wait.
final class DNSDatagramHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let server: SocketAddress
    private let query: DNSMessage
    private let promise: EventLoopPromise<DNSMessage>

    init(server: SocketAddress, query: DNSMessage, promise: EventLoopPromise<DNSMessage>) {
        self.server = server
        self.query = query
        self.promise = promise
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        guard envelope.remoteAddress == server,
              let reply = try? DNSMessage(parsing: Array(buffer: envelope.data)),
              reply.isReply(to: query) else { return }
        promise.succeed(reply)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        promise.fail(DNSError.temporary("UDP to \(server): \(error)"))
    }
}
