import CarrierNetwork
import NIOPosix
import Testing

@Suite struct DNSResolverTests {
    let clock = DNSTestClock()

    /// The default timeout is generous: with every suite running at once on
    /// two cores, an answer can wait seconds for a thread to read it.
    func withServer(timeout: Duration = .seconds(10), attempts: Int = 1,
                    _ body: (DNSFakeServer, DNSResolver) async throws -> Void) async throws {
        let server = try await DNSFakeServer.start()
        let resolver = DNSResolver(servers: [server.address], timeout: timeout, attempts: attempts,
                                   group: MultiThreadedEventLoopGroup.singleton, now: clock.now)
        do {
            try await body(server, resolver)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    static let mx = DNSRecord(name: "example.test", ttl: 300, data: .mx(MXRecord(preference: 10, exchange: "mx.example.test")))

    @Test func findsMXAndCachesIt() async throws {
        try await withServer { server, resolver throws in
            server.set("example.test", .mx, .records(Self.mx))
            let expected = DNSAnswer<[MXRecord]>.records([MXRecord(preference: 10, exchange: "mx.example.test")])
            #expect(try await resolver.mx("example.test") == expected)
            #expect(try await resolver.mx("EXAMPLE.Test.") == expected)
            #expect(server.queries == ["udp example.test MX"])
            clock.advance(.seconds(301))
            #expect(try await resolver.mx("example.test") == expected)
            #expect(server.queries.count == 2)
        }
    }

    @Test func findsAddressesAndText() async throws {
        try await withServer { server, resolver throws in
            server.set("mx.test", .a, .records(DNSRecord(name: "mx.test", ttl: 60, data: .a(IPv4Address(octets: [127, 0, 0, 1])!))))
            server.set("mx.test", .aaaa, .records(DNSRecord(name: "mx.test", ttl: 60,
                                                            data: .aaaa(IPv6Address(octets: Array(repeating: 0, count: 15) + [1])!))))
            server.set("mx.test", .txt, .records(DNSRecord(name: "mx.test", ttl: 60, data: .txt("v=spf1 -all"))))
            #expect(try await resolver.a("mx.test") == .records([IPv4Address(octets: [127, 0, 0, 1])!]))
            #expect(try await resolver.aaaa("mx.test") == .records([IPv6Address(octets: Array(repeating: 0, count: 15) + [1])!]))
            #expect(try await resolver.txt("mx.test") == .records(["v=spf1 -all"]))
        }
    }

    @Test func recognisesNullMX() async throws {
        try await withServer { server, resolver throws in
            server.set("null.test", .mx, .records(DNSRecord(name: "null.test", ttl: 60,
                                                            data: .mx(MXRecord(preference: 0, exchange: ".")))))
            guard case .records(let records) = try await resolver.mx("null.test") else { Issue.record(); return }
            #expect(MXRecord.isNullMX(records))
        }
    }

    @Test func followsCNAMEsInTheAnswerAndByAskingAgain() async throws {
        try await withServer { server, resolver throws in
            let address = DNSRecord(name: "host.test", ttl: 60, data: .a(IPv4Address(octets: [192, 0, 2, 7])!))
            server.set("www.test", .a, .records(DNSRecord(name: "www.test", ttl: 60, data: .cname("HOST.test")), address))
            server.set("alias.test", .a, .records(DNSRecord(name: "alias.test", ttl: 60, data: .cname("www.test"))))
            #expect(try await resolver.a("alias.test") == .records([IPv4Address(octets: [192, 0, 2, 7])!]))
            #expect(server.queries == ["udp alias.test A", "udp www.test A"])
        }
    }

    @Test func stopsAtCNAMELoops() async throws {
        try await withServer { server, resolver throws in
            server.set("a.test", .a, .records(DNSRecord(name: "a.test", ttl: 60, data: .cname("b.test"))))
            server.set("b.test", .a, .records(DNSRecord(name: "b.test", ttl: 60, data: .cname("a.test"))))
            await #expect(throws: DNSError.self) { try await resolver.a("a.test") }
        }
    }

    @Test func cachesNXDOMAINForTheSOAMinimum() async throws {
        try await withServer { server, resolver throws in
            server.set("gone.test", .mx, .negative(.nameError, minimum: 60))
            #expect(try await resolver.mx("gone.test") == .nxdomain)
            #expect(try await resolver.mx("gone.test") == .nxdomain)
            #expect(server.queries.count == 1)
            clock.advance(.seconds(61))
            #expect(try await resolver.mx("gone.test") == .nxdomain)
            #expect(server.queries.count == 2)
        }
    }

    @Test func cachesNODATA() async throws {
        try await withServer { server, resolver throws in
            server.set("empty.test", .mx, .negative(.noError, minimum: 7200))
            #expect(try await resolver.mx("empty.test") == .nodata)
            clock.advance(.seconds(3599))
            #expect(try await resolver.mx("empty.test") == .nodata)
            #expect(server.queries.count == 1)
            clock.advance(.seconds(2)) // capped at one hour
            #expect(try await resolver.mx("empty.test") == .nodata)
            #expect(server.queries.count == 2)
        }
    }

    @Test func retriesOverTCPWhenTruncated() async throws {
        try await withServer { server, resolver throws in
            var reply = DNSFakeReply.records(Self.mx)
            reply.truncateOverUDP = true
            server.set("example.test", .mx, reply)
            #expect(try await resolver.mx("example.test") == .records([MXRecord(preference: 10, exchange: "mx.example.test")]))
            #expect(server.queries == ["udp example.test MX", "tcp example.test MX"])
        }
    }

    @Test func ignoresReplyWithWrongID() async throws {
        try await withServer { server, resolver throws in
            var reply = DNSFakeReply.records(Self.mx)
            reply.strayFirst = true
            server.set("example.test", .mx, reply)
            #expect(try await resolver.mx("example.test") == .records([MXRecord(preference: 10, exchange: "mx.example.test")]))
            #expect(server.queries.count == 1)
        }
    }

    @Test func servfailIsTemporaryAfterEveryAttempt() async throws {
        try await withServer(attempts: 3) { server, resolver throws in
            server.set("broken.test", .mx, DNSFakeReply(responseCode: .serverFailure))
            await #expect(throws: DNSError.temporary("127.0.0.1:\(server.port) answered RCODE 2 for broken.test")) {
                try await resolver.mx("broken.test")
            }
            #expect(server.queries.count == 3)
        }
    }

    @Test func silenceTimesOutThenTriesTheNextServer() async throws {
        let silent = try await DNSFakeServer.start()
        silent.set("example.test", .mx, DNSFakeReply(silent: true))
        try await withServer(timeout: .milliseconds(200), attempts: 2) { server, _ throws in
            server.set("example.test", .mx, .records(Self.mx))
            let both = DNSResolver(servers: [silent.address, server.address], timeout: .milliseconds(200), attempts: 2,
                                   group: MultiThreadedEventLoopGroup.singleton)
            #expect(try await both.mx("example.test") == .records([MXRecord(preference: 10, exchange: "mx.example.test")]))
            #expect(silent.queries.count >= 1)
            // A second round reaches the silent server again only when the answering one was slower than the
            // timeout (a loaded machine), so count the lone resolver's queries from here.
            let askedBefore = silent.queries.count
            let alone = DNSResolver(servers: [silent.address], timeout: .milliseconds(200), attempts: 2,
                                    group: MultiThreadedEventLoopGroup.singleton)
            let start = ContinuousClock.now
            await #expect(throws: DNSError.self) { try await alone.mx("example.test") }
            #expect(ContinuousClock.now - start >= .milliseconds(400))
            #expect(silent.queries.count - askedBefore == 2)
        }
        await silent.stop()
    }
}
