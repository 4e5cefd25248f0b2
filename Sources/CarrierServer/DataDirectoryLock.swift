import Foundation

/// The pid file `carrier.pid` in the data directory, held with an exclusive
/// `flock` for the server's life: a second server on the same directory is
/// refused, and after a crash the kernel has released the lock, so the stale
/// file is simply taken over.
public final class DataDirectoryLock: Sendable {
    public let path: String
    private let descriptor: Int32

    /// Refusal to start because another server holds the directory.
    public struct AlreadyRunning: Error, CustomStringConvertible {
        public var pid: String
        public var directory: String
        public var description: String {
            "the mail system is already running (pid \(pid)) on data directory \(directory)"
        }
    }

    public init(dataDirectory: String) throws {
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        path = "\(dataDirectory)/carrier.pid"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let pid = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
            close(fd)
            throw AlreadyRunning(pid: pid, directory: dataDirectory)
        }
        ftruncate(fd, 0)
        let text = "\(getpid())\n"
        _ = text.withCString { write(fd, $0, strlen($0)) }
        fsync(fd)
        descriptor = fd
    }

    /// Takes over the lock a privileged parent acquired and passed across exec.
    public init(adopting descriptor: Int32, dataDirectory: String) {
        path = "\(dataDirectory)/carrier.pid"
        self.descriptor = descriptor
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    }

    /// The descriptor holding the lock, for passing it across exec.
    public var lockDescriptor: Int32 { descriptor }

    /// The pid recorded by a running server, if one holds the lock.
    public static func runningServerPID(dataDirectory: String) -> Int32? {
        let path = "\(dataDirectory)/carrier.pid"
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return nil
        }
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Removes the pid file and releases the lock (clean exit).
    public func release() {
        unlink(path)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
