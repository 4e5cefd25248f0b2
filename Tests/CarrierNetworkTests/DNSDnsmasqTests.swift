import CarrierNetwork
import Foundation
import NIOCore
import NIOPosix
import Testing

/// The resolver against Debian's dnsmasq on loopback; skipped when it is not installed.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/dnsmasq")))
struct DNSDnsmasqTests {
    static let dnsmasq = "/usr/sbin/dnsmasq"

    /// A UDP port that was free a moment ago: dnsmasq's --port=0 turns DNS off
    /// rather than choosing a port.
    static func freePort() async throws -> Int {
        let channel = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress!.port!
        try await channel.close()
        return port
    }

    @Test func resolvesMXNullMXAndTXT() async throws {
        let port = try await Self.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.dnsmasq)
        process.arguments = [
            "--no-daemon", "--conf-file=/dev/null", "--pid-file=", "--bind-interfaces",
            "--port=\(port)", "--listen-address=127.0.0.1", "--no-resolv", "--no-hosts",
            "--mx-host=example.test,mx.example.test,10", "--mx-host=null.test,.,0",
            "--host-record=mx.example.test,127.0.0.1", "--txt-record=example.test,v=spf1 -all",
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            // SIGKILL: the test runner's blocked SIGTERM is inherited by the child.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let resolver = DNSResolver(servers: [DNSServerAddress(host: "127.0.0.1", port: port)],
                                   timeout: .seconds(2), attempts: 1, group: MultiThreadedEventLoopGroup.singleton)
        var mx = try? await resolver.mx("example.test")
        let deadline = ContinuousClock.now + .seconds(30)
        while mx == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
            mx = try? await resolver.mx("example.test")
        }
        #expect(mx == .records([MXRecord(preference: 10, exchange: "mx.example.test")]))
        #expect(try await resolver.a("MX.example.test.") == .records([IPv4Address(octets: [127, 0, 0, 1])!]))
        #expect(try await resolver.txt("example.test") == .records(["v=spf1 -all"]))
        guard case .records(let null) = try await resolver.mx("null.test") else { Issue.record("no null MX"); return }
        #expect(MXRecord.isNullMX(null))
    }
}
