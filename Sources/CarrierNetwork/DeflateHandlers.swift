import CompressNIO
import NIOCore

/// The raw DEFLATE stream of IMAP COMPRESS (RFC 4978 §3, RFC 1951) in both
/// directions: `InflateHandler` decompresses what the peer sends,
/// `DeflateHandler` compresses what is written, flushing (Z_SYNC_FLUSH)
/// each write so the peer can decode every response as soon as it arrives.
/// They sit right next to the session handler, inside any TLS handler:
/// data is compressed before it is encrypted (RFC 4978 §3).
enum DeflateHandlers {
    /// The pair, inbound first, to add in front of the session handler.
    static func make() throws -> [any ChannelHandler] {
        [try InflateHandler(), try DeflateHandler()]
    }
}

/// Decompresses inbound bytes; a corrupt stream closes the connection.
/// One read yields at most `maxOutputPerRead` decompressed octets: the
/// rest stays compressed here until the session asks for more input
/// (`read`), so a small, highly compressed burst cannot flood memory
/// faster than the session consumes it.
final class InflateHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer

    /// Output is produced in windows of this size...
    static let windowSize = 16 * 1024
    /// ...and at most this much per read.
    static let maxOutputPerRead = 256 * 1024
    private let inflater: ZlibDecompressor
    /// Compressed input not yet inflated.
    private var backlog: ByteBuffer?
    /// The last window filled up: zlib may hold output even with no input left.
    private var outputPending = false

    init() throws {
        inflater = try ZlibDecompressor(algorithm: .deflate)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var input = unwrapInboundIn(data)
        guard input.readableBytes > 0 else { return }
        if var backlog {
            backlog.writeBuffer(&input)
            self.backlog = backlog
        } else {
            backlog = input
        }
        inflate(context)
    }

    /// The session wants more: first what is still held here.
    func read(context: ChannelHandlerContext) {
        guard backlog != nil else {
            context.read()
            return
        }
        inflate(context)
        context.fireChannelReadComplete()
    }

    private func inflate(_ context: ChannelHandlerContext) {
        guard var input = backlog else { return }
        let held = input.readableBytes
        var produced = 0
        repeat {
            var window = context.channel.allocator.buffer(capacity: Self.windowSize)
            do {
                try inflater.inflate(from: &input, to: &window)
                outputPending = false
            } catch let error as CompressNIOError where error == .bufferOverflow {
                outputPending = true
            } catch let error as CompressNIOError where error == .inputBufferOverflow {
                outputPending = false
            } catch {
                backlog = nil
                context.fireErrorCaught(error)
                return
            }
            produced += window.readableBytes
            if window.readableBytes > 0 { context.fireChannelRead(wrapInboundOut(window)) }
        } while outputPending && produced < Self.maxOutputPerRead
        // Input that inflates to nothing (after the end of the stream) is dropped.
        let stuck = produced == 0 && input.readableBytes == held
        backlog = !stuck && (outputPending || input.readableBytes > 0) ? input : nil
    }
}

/// Compresses outbound bytes, one sync-flushed block per write.
final class DeflateHandler: ChannelOutboundHandler {
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let deflater: ZlibCompressor

    init() throws {
        deflater = try ZlibCompressor(algorithm: .deflate)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        var input = unwrapOutboundIn(data)
        guard input.readableBytes > 0 else {
            context.write(data, promise: promise)
            return
        }
        var output = context.channel.allocator.buffer(capacity: deflater.maxSize(from: input))
        do {
            try deflater.deflate(from: &input, to: &output, flush: .sync)
        } catch {
            promise?.fail(error)
            context.fireErrorCaught(error)
            return
        }
        context.write(wrapOutboundOut(output), promise: promise)
    }
}
