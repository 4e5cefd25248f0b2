import NIOCore

/// Moves bytes between a channel and a `StreamSession`, one step at a time:
/// while the session works on input, further reads wait (back-pressure with
/// `autoRead` off), and the idle timer and shutdown requests become session
/// calls. It parses and decides nothing.
public final class StreamSessionHandler: ChannelInboundHandler {
    public typealias InboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer

    /// Sent through the pipeline to ask the session to close for shutdown.
    public struct ShutdownRequest: Sendable {
        public init() {}
    }

    private let session: any StreamSession
    private var pending: [UInt8] = []
    private var busy = false
    private var closing = false

    public init(session: any StreamSession) {
        self.session = session
    }

    public func channelActive(context: ChannelHandlerContext) {
        step(context) { session in await session.start() }
        context.fireChannelActive()
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        if !closing, let bytes = buffer.readBytes(length: buffer.readableBytes) {
            pending.append(contentsOf: bytes)
        }
    }

    public func channelReadComplete(context: ChannelHandlerContext) {
        pump(context)
    }

    public func channelInactive(context: ChannelHandlerContext) {
        closing = true
        let session = self.session
        Task { await session.disconnected() }
        context.fireChannelInactive()
    }

    public func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read, !busy {
            step(context) { session in await session.timedOut() }
        } else if event is ShutdownRequest {
            step(context) { session in await session.shutdown() }
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    public func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func pump(_ context: ChannelHandlerContext) {
        guard !busy, !closing else { return }
        guard !pending.isEmpty else {
            context.read()
            return
        }
        let chunk = pending
        pending = []
        step(context) { session in await session.receive(chunk) }
    }

    /// Runs one session call off the event loop and applies its output back on it.
    private func step(_ context: ChannelHandlerContext, _ call: @escaping @Sendable (any StreamSession) async -> StreamOutput) {
        guard !closing else { return }
        busy = true
        let session = self.session
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let future = context.eventLoop.makeFutureWithTask { await call(session) }
        future.whenSuccess { output in
            let (handler, context) = loopBound.value
            handler.apply(output, context)
        }
    }

    private func apply(_ output: StreamOutput, _ context: ChannelHandlerContext) {
        busy = false
        if !output.bytes.isEmpty {
            context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: output.bytes)), promise: nil)
        }
        if output.close {
            closing = true
            context.close(promise: nil)
            return
        }
        pump(context)
    }
}
