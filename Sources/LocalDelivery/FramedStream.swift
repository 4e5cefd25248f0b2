import Foundation

/// Blocking line-and-length framing over a socket, for the delivery helper's
/// request/response exchange. Every read is bounded.
struct FramedStream {
    let fd: Int32
    private var buffer: [UInt8] = []

    init(fd: Int32) {
        self.fd = fd
    }

    /// The next line without its LF, or nil at EOF, on error, or past `limit`.
    mutating func readLine(limit: Int) -> [UInt8]? {
        while true {
            if let lf = buffer.firstIndex(of: 10) {
                let line = Array(buffer[..<lf])
                buffer.removeFirst(lf + 1)
                return line
            }
            guard buffer.count <= limit, fill() else { return nil }
        }
    }

    /// Exactly `count` bytes, or nil at EOF or on error.
    mutating func read(count: Int) -> [UInt8]? {
        while buffer.count < count {
            guard fill() else { return nil }
        }
        let bytes = Array(buffer[..<count])
        buffer.removeFirst(count)
        return bytes
    }

    /// Writes everything; false when the peer is gone.
    func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Foundation.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    private mutating func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let n = Foundation.recv(fd, &chunk, chunk.count, 0)
        guard n > 0 else { return false }
        buffer.append(contentsOf: chunk[..<n])
        return true
    }
}
