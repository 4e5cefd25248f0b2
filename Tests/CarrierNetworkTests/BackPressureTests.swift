import CarrierNetwork
import CarrierTesting
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A client that asks for a lot and reads nothing holds the server to what
/// the kernel's socket buffers take: the transport runs a step's `next`
/// only once its output is written, and closes the connection when a write
/// has waited for the idle time.
@Suite struct BackPressureTests {
    /// A blocking TCP socket to 127.0.0.1 with a small receive buffer.
    final class RawClient: @unchecked Sendable {
        let fd: Int32

        init(port: Int) throws {
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var size: Int32 = 64 * 1024
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard result == 0 else { throw POSIXError(.ECONNREFUSED) }
        }

        deinit { close(fd) }

        func send(_ text: String) {
            _ = Array(text.utf8).withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
        }

        /// Reads until the server closes; returns the byte count.
        func readAll() -> Int {
            var total = 0
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n <= 0 { return total }
                total += n
            }
        }
    }

    @Test func stepsWaitForTheClientToRead() async throws {
        try await ListenerFixture.with(.plaintext) { fixture in
            let client = try RawClient(port: fixture.port)
            client.send("FLOOD\r\n")
            let session = try await fixture.session()
            try await poll("first flood step") { session.floodSteps > 0 ? () : nil }
            try await Task.sleep(for: .seconds(1))
            // Only what fits in the socket buffers has been produced (a few MiB), not all 100 MiB.
            #expect(session.floodSteps < 60)
            client.send("QUIT\r\n")
            let expected = "220 fake ready\r\n".utf8.count + 400 * 256 * 1024 + "221 bye\r\n".utf8.count
            // A thread of its own: blocking reads on the cooperative pool would stall other suites.
            let total = await withCheckedContinuation { continuation in
                Thread { continuation.resume(returning: client.readAll()) }.start()
            }
            #expect(session.floodSteps == 400)
            #expect(total == expected)
        }
    }

    @Test func aClientThatNeverReadsIsDisconnectedAfterTheIdleTime() async throws {
        try await ListenerFixture.with(.plaintext, idleTimeout: .seconds(1)) { fixture in
            let client = try RawClient(port: fixture.port)
            client.send("FLOOD\r\n")
            let session = try await fixture.session()
            try await poll("disconnected", timeout: .seconds(10)) { session.events.last == .disconnected ? () : nil }
            #expect(session.floodSteps < 60)
            withExtendedLifetime(client) {}
        }
    }
}
