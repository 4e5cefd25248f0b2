import Foundation
import LocalDelivery

/// An mbox file as `carrier mail` reads and changes it: always under the
/// mbox(5) locks mailx, mutt and Carrier's delivery agree on (`MailboxFileLock`:
/// `FILE.lock` plus an fcntl lock), so a message being delivered is never read
/// half-written or overwritten.
struct MboxFile {
    /// How long to wait for another program's lock.
    static let lockTimeout: Duration = .seconds(30)

    let path: String

    /// Whether the file exists.
    var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// Whether the locks can be taken: the file is writable and so is its
    /// directory (for `FILE.lock`). Otherwise the mailbox can only be read.
    var isLockable: Bool {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        return access(path, R_OK | W_OK) == 0 && access(directory, W_OK | X_OK) == 0
    }

    /// The whole file: read under the locks when they can be taken, else as it is.
    func read() throws(CommandFailure) -> [UInt8] {
        guard isLockable else {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .noInput("cannot read \(path): \(String(cString: strerror(errno)))")
            }
            return [UInt8](data)
        }
        return try locked { fd throws(CommandFailure) in try Self.readAll(fd, path: path) }
    }

    /// Replaces the file's contents with `render(tail)`, where `tail` is what was
    /// appended since `original` was read (new mail, kept as it is). Written in
    /// place — the file keeps its inode, owner and mode, as other mailbox
    /// programs expect — then truncated and fsynced, with interrupts held off.
    /// Refused when the file no longer starts with `original` (another program
    /// rewrote it). Returns whether new mail had arrived.
    func rewrite(replacing original: [UInt8], _ render: ([UInt8]) -> [UInt8]) throws(CommandFailure) -> Bool {
        try locked { fd throws(CommandFailure) in
            let current = try Self.readAll(fd, path: path)
            guard current.count >= original.count, current[..<original.count].elementsEqual(original) else {
                throw .temporary("\(path) was changed by another program; mailbox left as it is")
            }
            let tail = Array(current[original.count...])
            let replacement = render(tail)
            guard replacement != current else { return !tail.isEmpty }
            try InterruptShield.run { () throws(CommandFailure) in
                try Self.write(replacement, to: fd, at: 0, path: path)
                guard ftruncate(fd, off_t(replacement.count)) == 0, fsync(fd) == 0 else {
                    throw .temporary("cannot write \(path): \(String(cString: strerror(errno)))")
                }
            }
            return !tail.isEmpty
        }
    }

    /// Appends `entries` (mbox entries), adding the blank line mbox needs before
    /// a From_ line if the file does not end with one; creates the file (mode
    /// 0600) if missing. Returns whether it was created.
    func append(_ entries: [UInt8]) throws(CommandFailure) -> Bool {
        let created = !exists
        try locked { fd throws(CommandFailure) in
            var info = stat()
            guard fstat(fd, &info) == 0 else { throw .cannotCreate("cannot stat \(path): \(String(cString: strerror(errno)))") }
            let size = Int(info.st_size)
            var last: [UInt8] = [0, 0]
            let readCount = size == 0 ? 0 : pread(fd, &last, 2, off_t(max(0, size - 2)))
            let ending = Array(last.prefix(max(readCount, 0)))
            let separator: [UInt8] = size == 0 || ending.suffix(2) == [10, 10] ? []
                : ending.last == 10 ? [10] : [10, 10]
            do throws(CommandFailure) {
                try Self.write(separator + entries, to: fd, at: off_t(size), path: path)
                guard fsync(fd) == 0 else { throw .cannotCreate("cannot write \(path): \(String(cString: strerror(errno)))") }
            } catch {
                _ = ftruncate(fd, off_t(size))
                throw error
            }
        }
        return created
    }

    /// Runs `body` with the file's descriptor under both locks.
    private func locked<T>(_ body: (Int32) throws(CommandFailure) -> T) throws(CommandFailure) -> T {
        do {
            return try MailboxFileLock.withLock(path: path, timeout: Self.lockTimeout) { fd in try body(fd) }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw .temporary("\(error)")
        }
    }

    private static func readAll(_ fd: Int32, path: String) throws(CommandFailure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = pread(fd, &chunk, chunk.count, off_t(bytes.count))
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .noInput("cannot read \(path): \(String(cString: strerror(errno)))") }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }

    private static func write(_ bytes: [UInt8], to fd: Int32, at offset: off_t, path: String) throws(CommandFailure) {
        var done = 0
        while done < bytes.count {
            let count = bytes[done...].withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, offset + off_t(done)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw .cannotCreate("cannot write \(path): \(String(cString: strerror(errno)))") }
            done += count
        }
    }
}
