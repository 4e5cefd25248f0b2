import NIOCore

/// The TCP side of `DNSFakeServer`: two-octet length framing (RFC 1035 §4.2.2).
final class DNSFakeStreamHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let server: DNSFakeServer
    private var received = ByteBuffer()

    init(server: DNSFakeServer) { self.server = server }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        received.writeBuffer(&bytes)
        while let length = received.getInteger(at: received.readerIndex, as: UInt16.self),
              received.readableBytes >= 2 + Int(length) {
            received.moveReaderIndex(forwardBy: 2)
            let query = received.readBytes(length: Int(length)) ?? []
            for reply in server.replies(to: query, overTCP: true) {
                var frame = ByteBuffer()
                frame.writeInteger(UInt16(reply.count))
                frame.writeBytes(reply)
                context.writeAndFlush(wrapOutboundOut(frame), promise: nil)
            }
        }
    }
}
