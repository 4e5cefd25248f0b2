import NIOCore

/// Moves bytes between a channel and a `StreamSession`, one step at a time:
/// the session answers on the event loop; while a step's `next` work runs off
/// the loop, further reads wait (back-pressure with `autoRead` off). The idle
/// timer and shutdown requests become session calls. It parses and decides nothing.
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
    /// The channel went inactive while a step's work was running: tell the
    /// session once that work is done, so calls never overlap.
    private var disconnectWhenIdle = false

    public init(session: any StreamSession) {
        self.session = session
    }

    public func channelActive(context: ChannelHandlerContext) {
        apply(session.start(), context)
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
        if busy {
            disconnectWhenIdle = true
        } else {
            session.disconnected()
        }
        context.fireChannelInactive()
    }

    public func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read, !busy, !closing {
            apply(session.timedOut(), context)
        } else if event is ShutdownRequest, !busy, !closing {
            apply(session.shutdown(), context)
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
        apply(session.receive(chunk), context)
    }

    /// Writes a step's output, then either runs its `next` work off the loop
    /// (and applies what that produces back on it) or reads on.
    private func apply(_ step: StreamStep, _ context: ChannelHandlerContext) {
        guard !closing else { return }
        if !step.output.bytes.isEmpty {
            context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: step.output.bytes)), promise: nil)
        }
        if step.output.close {
            closing = true
            context.close(promise: nil)
            return
        }
        guard let next = step.next else {
            busy = false
            pump(context)
            return
        }
        busy = true
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.makeFutureWithTask { await next() }.whenSuccess { step in
            let (handler, context) = loopBound.value
            handler.busy = false
            if handler.disconnectWhenIdle {
                handler.disconnectWhenIdle = false
                handler.session.disconnected()
                return
            }
            handler.apply(step, context)
        }
    }
}
