import CarrierNetwork
import CompressNIO
import NIOCore
import NIOEmbedded
import Testing

/// COMPRESS=DEFLATE in the transport (RFC 4978 §3): the OK goes out plain,
/// then both directions are raw DEFLATE, checked with a zlib client.
@Suite struct CompressionTests {
    /// The client's half: raw deflate out, raw inflate in.
    final class DeflateClient {
        let deflater = try! ZlibCompressor(algorithm: .deflate)
        let inflater = try! ZlibDecompressor(algorithm: .deflate)

        func compress(_ text: String) throws -> ByteBuffer {
            var input = ByteBuffer(string: text)
            var output = ByteBufferAllocator().buffer(capacity: deflater.maxSize(from: input))
            try deflater.deflate(from: &input, to: &output, flush: .sync)
            return output
        }

        func decompress(_ buffer: ByteBuffer) throws -> String {
            var input = buffer
            var text = ""
            while true {
                var output = ByteBufferAllocator().buffer(capacity: 64 * 1024)
                do {
                    try inflater.inflate(from: &input, to: &output)
                    return text + String(buffer: output)
                } catch let error as CompressNIOError where error == .bufferOverflow {
                    text += String(buffer: output)
                } catch let error as CompressNIOError where error == .inputBufferOverflow {
                    return text + String(buffer: output)
                }
            }
        }
    }

    static func written(_ channel: EmbeddedChannel) throws -> [ByteBuffer] {
        var buffers: [ByteBuffer] = []
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) { buffers.append(buffer) }
        return buffers
    }

    @Test func okIsPlainThenBothDirectionsAreDeflated() throws {
        let session = FakeStreamSession()
        let channel = EmbeddedChannel(handler: StreamSessionHandler(session: session))
        defer { _ = try? channel.finish() }
        channel.pipeline.fireChannelActive()
        #expect(try Self.written(channel).map { String(buffer: $0) } == ["220 fake ready\r\n"])
        try channel.writeInbound(ByteBuffer(string: "COMPRESS\r\n"))
        #expect(try Self.written(channel).map { String(buffer: $0) } == ["OK deflate\r\n"])

        let client = DeflateClient()
        try channel.writeInbound(try client.compress("HELLO\r\n"))
        let reply = try Self.written(channel)
        #expect(reply.count == 1)
        #expect(try reply.map(client.decompress) == ["HELLO\r\n"])
        let long = String(repeating: "abcdefghij", count: 5_000)
        try channel.writeInbound(try client.compress(long + "\r\nWORLD\r\n"))
        let echoed = try Self.written(channel).map(client.decompress).joined()
        #expect(echoed == long + "\r\nWORLD\r\n")
        #expect(session.lines.suffix(2) == [long, "WORLD"])
    }

    /// A small burst that inflates to far more than one read may yield is
    /// handed over in parts, as the session asks for more.
    @Test func highlyCompressedInputArrivesInParts() throws {
        let session = FakeStreamSession()
        let channel = EmbeddedChannel(handler: StreamSessionHandler(session: session))
        defer { _ = try? channel.finish() }
        channel.pipeline.fireChannelActive()
        try channel.writeInbound(ByteBuffer(string: "COMPRESS\r\n"))
        _ = try Self.written(channel)
        let client = DeflateClient()
        let line = String(repeating: "z", count: 1_000_000)
        let burst = try client.compress(line + "\r\nAFTER\r\n")
        #expect(burst.readableBytes < 5_000)
        try channel.writeInbound(burst)
        #expect(session.lines.suffix(2) == [line, "AFTER"])
        #expect(try Self.written(channel).map(client.decompress).joined().hasSuffix("\r\nAFTER\r\n"))
    }

    @Test func corruptInputClosesTheConnection() throws {
        let session = FakeStreamSession()
        let channel = EmbeddedChannel(handler: StreamSessionHandler(session: session))
        channel.pipeline.fireChannelActive()
        try channel.writeInbound(ByteBuffer(string: "COMPRESS\r\n"))
        _ = try Self.written(channel)
        try channel.writeInbound(ByteBuffer(bytes: [0xFF, 0xFF, 0xFF, 0xFF]))
        #expect(!channel.isActive)
    }
}
