import CarrierNetwork
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A tiny DNS server on 127.0.0.1, UDP and TCP on the same port, answering
/// from a table and logging what it was asked ("udp example.test MX").
final class DNSFakeServer: Sendable {
    private let table = NIOLockedValueBox<[String: DNSFakeReply]>([:])
    private let log = NIOLockedValueBox<[String]>([])
    private let channels = NIOLockedValueBox<[any Channel]>([])
    private let boundPort = NIOLockedValueBox(0)

    var port: Int { boundPort.withLockedValue { $0 } }
    var address: DNSServerAddress { DNSServerAddress(host: "127.0.0.1", port: port) }
    var queries: [String] { log.withLockedValue { $0 } }

    /// UDP and TCP on one ephemeral port: the port the kernel picks for UDP
    /// may be taken for TCP by another test, so a few ports are tried.
    static func start() async throws -> DNSFakeServer {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await bind()
            } catch let error as IOError where error.errnoCode == EADDRINUSE && attempt < 10 {
                continue
            }
        }
    }

    private static func bind() async throws -> DNSFakeServer {
        let server = DNSFakeServer()
        let group = MultiThreadedEventLoopGroup.singleton
        let udp = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(DNSFakeDatagramHandler(server: server))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = udp.localAddress!.port!
        let tcp: Channel
        do {
            tcp = try await ServerBootstrap(group: group)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(DNSFakeStreamHandler(server: server))
                    }
                }
                .bind(host: "127.0.0.1", port: port).get()
        } catch {
            try? await udp.close()
            throw error
        }
        server.boundPort.withLockedValue { $0 = port }
        server.channels.withLockedValue { $0 = [udp, tcp] }
        return server
    }

    func set(_ name: String, _ type: DNSRecordType, _ reply: DNSFakeReply) {
        table.withLockedValue { $0["\(name.lowercased()) \(type)"] = reply }
    }

    func stop() async {
        for channel in channels.withLockedValue({ $0 }) { try? await channel.close() }
    }

    /// The datagrams or TCP messages to send in reply to `bytes`.
    func replies(to bytes: [UInt8], overTCP: Bool) -> [[UInt8]] {
        guard let query = try? DNSMessage(parsing: bytes), let question = query.questions.first else { return [] }
        log.withLockedValue { $0.append("\(overTCP ? "tcp" : "udp") \(question.name) \(question.type)") }
        let reply = table.withLockedValue { $0["\(question.name.lowercased()) \(question.type)"] }
            ?? .negative(.nameError, minimum: 0)
        if reply.silent && !overTCP { return [] }
        var header = DNSHeader(id: query.header.id, isResponse: true, recursionDesired: true,
                               recursionAvailable: true, responseCode: reply.responseCode)
        var response = DNSMessage(header: header, questions: [question])
        if reply.truncateOverUDP && !overTCP {
            response.header.isTruncated = true
        } else {
            response.answers = reply.answers
            response.authorities = reply.authorities
        }
        guard let encoded = try? response.encoded() else { return [] }
        guard reply.strayFirst && !overTCP else { return [encoded] }
        header.id &+= 1
        response.header = header
        return [(try? response.encoded()) ?? [], encoded]
    }
}
