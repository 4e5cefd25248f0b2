import Foundation

/// Large message bodies as files named by their hash, written, fsynced and
/// renamed into place (and the directory fsynced) before the transaction that
/// names them commits.
struct BodyFileStore: Sendable {
    let directory: String

    func path(for hash: String) -> String {
        "\(directory)/\(hash.prefix(2))/\(hash)"
    }

    /// Writes `content` durably unless a file for `hash` is already there.
    func write(_ content: [UInt8], hash: String) throws {
        let final = path(for: hash)
        if FileManager.default.fileExists(atPath: final) { return }
        let folder = (final as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try writeFile(content, at: final, temporaryName: "\(folder)/.tmp-\(hash)-\(UInt32.random(in: 0...UInt32.max))")
    }

    /// Writes a file durably: temporary name, write, fsync, rename, fsync of the directory.
    func writeFile(_ content: [UInt8], at final: String, temporaryName temporary: String, mode: mode_t = 0o600) throws {
        let folder = (final as NSString).deletingLastPathComponent
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard fd >= 0 else { throw Self.posixError("open \(temporary)") }
        fchmod(fd, mode)
        var written = 0
        // errno of the failed write or fsync, taken before close and unlink can change it.
        let failure: Int32? = content.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 { return errno }
                if n == 0 { return EIO }
                written += n
            }
            return fsync(fd) == 0 ? nil : errno
        }
        close(fd)
        if let failure {
            unlink(temporary)
            throw Self.posixError("write \(temporary)", code: failure)
        }
        guard rename(temporary, final) == 0 else { throw Self.posixError("rename \(final)") }
        try Self.syncDirectory(folder)
    }

    func read(hash: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path(for: hash)) else {
            throw MailStoreError.corrupt("missing body file \(path(for: hash))")
        }
        return Array(data)
    }

    static func syncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw posixError("open \(path)") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw posixError("fsync \(path)") }
    }

    /// The error for a failed system call (`code` defaults to errno now):
    /// ENOSPC is the store's `storageFull`.
    static func posixError(_ what: String, code: Int32 = errno) -> any Error {
        if code == ENOSPC { return MailStoreError.storageFull }
        return NSError(domain: NSPOSIXErrorDomain, code: Int(code),
                       userInfo: [NSLocalizedDescriptionKey: "\(what): \(String(cString: strerror(code)))"])
    }
}
