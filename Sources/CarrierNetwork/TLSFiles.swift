#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and crash-safe writes of certificate and key files, failing with a
/// `TLSFileError` that carries the operating system's reason.
enum TLSFiles {
    /// A certificate chain or key is a few kilobytes; anything this large is not one.
    static let largestFile = 1 << 20

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    static func contents(of path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = read(fd, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw failure(path) }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
            guard bytes.count <= largestFile else { throw TLSFileError(path: path, reason: "larger than 1 MiB") }
        }
    }

    static func makeDirectory(_ path: String) throws {
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw failure(path) }
    }

    static func remove(_ path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else { throw failure(path) }
    }

    /// Writes `path` so that a crash leaves the old file or the complete new
    /// one: a temporary file with `mode` from the start, fsync, rename, fsync of the folder.
    static func replace(_ path: String, with bytes: [UInt8], mode: mode_t) throws {
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure(temporary) }
        do {
            defer { close(fd) }
            guard fchmod(fd, mode) == 0 else { throw failure(temporary) }
            var offset = 0
            while offset < bytes.count {
                let count = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { throw failure(temporary) }
                offset += count
            }
            guard fsync(fd) == 0 else { throw failure(temporary) }
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else { throw failure(path) }
        try syncFolder(of: path)
    }

    private static func syncFolder(of path: String) throws {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let fd = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(folder) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure(folder) }
    }

    private static func failure(_ path: String) -> TLSFileError {
        TLSFileError(path: path, reason: String(cString: strerror(errno)))
    }
}
