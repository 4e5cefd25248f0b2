import NIOCore
import NIOTLS

/// Moves bytes between a channel and a `StreamSession`, one step at a time:
/// the session answers on the event loop; while a step's output is being
/// written or its `next` work runs off the loop, further reads and steps wait
/// (back-pressure with `autoRead` off: a client that does not read what it
/// asked for stops being served, and nothing piles up in memory). The idle
/// timer and shutdown requests become session calls. It parses and decides
/// nothing; it starts TLS or compression when an output asks for it.
public final class StreamSessionHandler: ChannelInboundHandler {
    public typealias InboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer

    /// Sent through the pipeline to ask the session to close for shutdown.
    public struct ShutdownRequest: Sendable {
        public init() {}
    }

    /// A TLS handshake in progress: input is discarded and the session waits.
    private enum Handshake {
        /// Implicit TLS: the session starts when it is done.
        case beforeStart
        /// Asked for by a `startTLS` output.
        case upgrade
    }

    private let session: any StreamSession
    private let tls: ListenerTLS
    private var pending: [UInt8] = []
    private var busy = false
    /// A step's output is waiting for the client to read it.
    private var writing = false
    /// The server asked to stop while a step was running: the session is
    /// told once the step is done, before any further input is read.
    private var shutdownWhenIdle = false
    private var closing = false
    private var handshake: Handshake?
    /// The channel went inactive while a step's work was running: tell the
    /// session once that work is done, so calls never overlap.
    private var disconnectWhenIdle = false

    /// With `.implicit`, the listener has already put the TLS handlers in front of this one.
    public init(session: any StreamSession, tls: ListenerTLS = .none) {
        self.session = session
        self.tls = tls
    }

    public func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        session.attach(push: StreamPush(
            write: { bytes in
                channel.eventLoop.execute {
                    channel.writeAndFlush(channel.allocator.buffer(bytes: bytes), promise: nil)
                }
            },
            isWritable: { channel.isWritable }))
        if case .implicit = tls {
            handshake = .beforeStart
            context.read()
        } else {
            apply(session.start(tls: nil), context)
        }
        context.fireChannelActive()
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        if !closing, handshake == nil, let bytes = buffer.readBytes(length: buffer.readableBytes) {
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
        if case TLSUserEvent.handshakeCompleted = event, let handshake, !closing {
            self.handshake = nil
            let info = TLSInfo(pipeline: context.pipeline.syncOperations)
            apply(handshake == .beforeStart ? session.start(tls: info) : session.tlsEstablished(info), context)
        } else if handshake != nil, event is IdleStateHandler.IdleStateEvent || event is ShutdownRequest {
            context.close(promise: nil)
        } else if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read, !busy, !closing {
            apply(session.timedOut(), context)
        } else if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .write, writing {
            // The client has read nothing of a response for the idle time.
            closing = true
            context.close(promise: nil)
        } else if event is ShutdownRequest, !closing {
            if busy {
                shutdownWhenIdle = true
            } else {
                apply(session.shutdown(), context)
            }
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    /// Includes a failed TLS handshake, which NIOSSL reports here.
    public func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func pump(_ context: ChannelHandlerContext) {
        guard !busy, !closing, handshake == nil else { return }
        guard !pending.isEmpty else {
            context.read()
            return
        }
        let chunk = pending
        pending = []
        apply(session.receive(chunk), context)
    }

    /// Writes a step's output and, once the kernel has taken it, goes on with
    /// the rest of the step.
    private func apply(_ step: StreamStep, _ context: ChannelHandlerContext) {
        guard !closing else { return }
        guard !step.output.bytes.isEmpty else {
            proceed(step, context)
            return
        }
        busy = true
        writing = true
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: step.output.bytes)), promise: written)
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        written.futureResult.whenComplete { result in
            let (handler, context) = loopBound.value
            handler.writing = false
            guard handler.finishedWaiting() else { return }
            guard case .success = result else {
                handler.closing = true
                context.close(promise: nil)
                return
            }
            handler.proceed(step, context)
        }
    }

    /// After the output is written: closes, starts TLS, runs the step's
    /// `next` work off the loop (and applies what that produces back on it),
    /// or reads on.
    private func proceed(_ step: StreamStep, _ context: ChannelHandlerContext) {
        guard !closing else { return }
        if step.output.close {
            closing = true
            context.close(promise: nil)
            return
        }
        if step.output.startTLS {
            startTLS(context)
            return
        }
        if step.output.startCompression, !startCompression(context) { return }
        if step.output.quickAcknowledgement { Self.acknowledgeQuickly(context.channel) }
        guard let next = step.next else {
            busy = false
            if shutdownWhenIdle {
                shutdownWhenIdle = false
                apply(session.shutdown(), context)
            } else {
                pump(context)
            }
            return
        }
        busy = true
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.makeFutureWithTask { await next() }.whenSuccess { step in
            let (handler, context) = loopBound.value
            guard handler.finishedWaiting() else { return }
            handler.apply(step, context)
        }
    }

    /// A write or a step's work is over; false (after telling the session)
    /// when the connection closed meanwhile.
    private func finishedWaiting() -> Bool {
        busy = false
        guard disconnectWhenIdle else { return true }
        disconnectWhenIdle = false
        session.disconnected()
        return false
    }

    /// TCP_QUICKACK (12 on Linux, netinet/tcp.h): the next segments are
    /// acknowledged at once; the kernel drops back to delayed ACKs by itself.
    private static func acknowledgeQuickly(_ channel: any Channel) {
        #if os(Linux)
        _ = try? channel.syncOptions?.setOption(.tcpOption(.init(rawValue: 12)), value: 1)
        #endif
    }

    /// COMPRESS=DEFLATE (RFC 4978 §3): the OK has gone out uncompressed;
    /// from here on both directions pass the deflate handlers, which sit
    /// inside TLS. False (and the connection closing) if they cannot start.
    private func startCompression(_ context: ChannelHandlerContext) -> Bool {
        pending = []
        do {
            try context.pipeline.syncOperations.addHandlers(DeflateHandlers.make(), position: .before(self))
            return true
        } catch {
            closing = true
            context.close(promise: nil)
            return false
        }
    }

    /// RFC 3207 §4 and the CVE-2011-0411 defence: the reply is already on its
    /// way in plaintext; whatever the client sent after the command is dropped
    /// (here, and by the TLS handler, which reads any later byte as TLS), and
    /// the handshake starts in front of everything else.
    private func startTLS(_ context: ChannelHandlerContext) {
        pending = []
        guard case .startTLS(let server) = tls else {
            closing = true
            context.close(promise: nil)
            return
        }
        do {
            try context.pipeline.syncOperations.addHandlers(server.makeServerHandlers(), position: .first)
        } catch {
            closing = true
            context.close(promise: nil)
            return
        }
        handshake = .upgrade
        context.read()
    }
}
