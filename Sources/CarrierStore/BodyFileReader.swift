import Foundation

/// A body file open for reading ranges at their offset (pread): only the
/// octets asked for are read, and the open descriptor keeps the file's
/// content even if collection removes its name meanwhile. Closed when the
/// reader goes away.
final class BodyFileReader: StoredBodyReader {
    private let descriptor: Int32
    private let path: String

    /// nil when there is no such file.
    init?(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw BodyFileStore.posixError("open \(path)")
        }
        self.descriptor = descriptor
        self.path = path
    }

    deinit {
        close(descriptor)
    }

    func read(_ range: Range<Int>) async throws -> [UInt8] {
        try await BlockingFileWork.run { try self.readNow(range) }
    }

    /// `read` on the calling thread, for callers already off the cooperative threads.
    func readNow(_ range: Range<Int>) throws -> [UInt8] {
        var octets = [UInt8](repeating: 0, count: max(0, range.count))
        var filled = 0
        let failure: Int32? = octets.withUnsafeMutableBytes { buffer in
            while filled < buffer.count {
                let count = pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(range.lowerBound + filled))
                if count < 0, errno == EINTR { continue }
                if count < 0 { return errno }
                if count == 0 { break }
                filled += count
            }
            return nil
        }
        if let failure { throw BodyFileStore.posixError("read \(path)", code: failure) }
        octets.removeLast(octets.count - filled)
        return octets
    }
}

extension BodyFileStore {
    /// The body file of `hash` opened for reading ranges; nil when missing.
    func reader(hash: String) throws -> BodyFileReader? {
        try BodyFileReader(path: path(for: hash))
    }
}
