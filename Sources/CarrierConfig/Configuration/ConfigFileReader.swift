#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads configuration-type text files (main.cf, aliases, postmap input) whole,
/// reporting failures with the path and the operating system's reason.
public enum ConfigFileReader {
    /// The contents of `path` as UTF-8 (invalid bytes replaced).
    /// Throws `cannot read PATH: REASON`, e.g. `No such file or directory`.
    public static func contents(of path: String) throws -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, errno) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, errno)
            }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func failure(_ path: String, _ code: Int32) -> ConfigError {
        ConfigError(message: "cannot read \(path): \(String(cString: strerror(code)))")
    }
}
