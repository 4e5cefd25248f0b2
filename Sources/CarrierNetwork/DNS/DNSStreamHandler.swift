import NIOCore

/// Sends one query over TCP and reads its reply, each framed by a two-octet
/// length (RFC 1035 §4.2.2, RFC 7766 §8).
final class DNSStreamHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let query: DNSMessage
    private let queryBytes: [UInt8]
    private let promise: EventLoopPromise<DNSMessage>
    private var received = ByteBuffer()

    init(query: DNSMessage, queryBytes: [UInt8], promise: EventLoopPromise<DNSMessage>) {
        self.query = query
        self.queryBytes = queryBytes
        self.promise = promise
    }

    func channelActive(context: ChannelHandlerContext) {
        var frame = context.channel.allocator.buffer(capacity: queryBytes.count + 2)
        frame.writeInteger(UInt16(queryBytes.count))
        frame.writeBytes(queryBytes)
        context.writeAndFlush(wrapOutboundOut(frame), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        received.writeBuffer(&bytes)
        guard let length = received.getInteger(at: received.readerIndex, as: UInt16.self),
              let frame = received.getBytes(at: received.readerIndex + 2, length: Int(length)) else { return }
        do {
            let reply = try DNSMessage(parsing: frame)
            guard reply.isReply(to: query) else { throw DNSError.malformed("TCP reply does not match the query") }
            promise.succeed(reply)
        } catch {
            promise.fail(DNSError.temporary("TCP: \(error)"))
        }
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(DNSError.temporary("TCP connection closed before a reply"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        promise.fail(DNSError.temporary("TCP: \(error)"))
        context.close(promise: nil)
    }
}
