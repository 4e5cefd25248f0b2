import NIOCore

/// Sits between the socket and `NIOSSLServerHandler` and reads the negotiated
/// cipher suite out of the ServerHello as it goes by, because NIOSSL reports
/// the protocol version but not the suite. Every write passes through unchanged.
final class TLSCipherSuiteHandler: ChannelOutboundHandler {
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private(set) var cipherSuite: UInt16?
    /// The server's first bytes so far; nil once the scan has an answer.
    private var seen: [UInt8]? = []

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if var bytes = seen {
            bytes += unwrapOutboundIn(data).readableBytesView.prefix(TLSServerHello.longestPrefix - bytes.count)
            switch TLSServerHello.scan(bytes) {
            case .needMoreBytes: seen = bytes
            case .cipherSuite(let code): cipherSuite = code; seen = nil
            case .notServerHello: seen = nil
            }
        }
        context.write(data, promise: promise)
    }
}

@available(*, unavailable)
extension TLSCipherSuiteHandler: Sendable {}

/// The client side's counterpart: sits between the socket and
/// `NIOSSLClientHandler` and reads the cipher suite the server chose out of
/// the ServerHello as it arrives. Every read passes through unchanged.
final class TLSServerHelloReader: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private(set) var cipherSuite: UInt16?
    private var seen: [UInt8]? = []

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if var bytes = seen {
            bytes += unwrapInboundIn(data).readableBytesView.prefix(TLSServerHello.longestPrefix - bytes.count)
            switch TLSServerHello.scan(bytes) {
            case .needMoreBytes: seen = bytes
            case .cipherSuite(let code): cipherSuite = code; seen = nil
            case .notServerHello: seen = nil
            }
        }
        context.fireChannelRead(data)
    }
}

@available(*, unavailable)
extension TLSServerHelloReader: Sendable {}
