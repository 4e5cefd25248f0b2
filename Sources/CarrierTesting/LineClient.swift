import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking TCP client for tests that speak a line protocol to a live server
/// on loopback: send raw text, read one (possibly multi-line) SMTP reply.
public final class LineClient: @unchecked Sendable {
    let fd: Int32
    var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:`port` with a receive timeout.
    public init(port: Int, timeoutSeconds: Int = 10) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECONNREFUSED)
        }
    }

    deinit { close(fd) }

    public func send(_ text: String) {
        send(bytes: Array(text.utf8))
    }

    public func send(bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Reads one SMTP reply (all its lines); nil on EOF or timeout.
    public func readReply() -> String? {
        var lines: [String] = []
        while let line = readLine() {
            lines.append(line)
            let bytes = Array(line.utf8)
            if bytes.count < 4 || bytes[3] == UInt8(ascii: " ") { return lines.joined(separator: "\n") }
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// The reply code of the next reply, or nil.
    public func readCode() -> Int? {
        readReply().flatMap { Int($0.prefix(3)) }
    }

    func readLine() -> String? {
        while true {
            if let lf = buffer.firstIndex(of: 10) {
                let line = Array(buffer[..<lf]).filter { $0 != 13 }
                buffer.removeFirst(lf + 1)
                return String(decoding: line, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { return nil }
            buffer.append(contentsOf: chunk[..<n])
        }
    }

    /// Closes the write side abruptly (as a client that vanishes).
    public func abort() {
        shutdown(fd, Int32(SHUT_RDWR))
    }
}
