import Foundation
import NIOConcurrencyHelpers

/// Writes log lines in Postfix's format to `maillog_file`, errors and warnings
/// also to `maillog_error_file`, and optionally echoes them to stderr:
/// `Nov 29 09:41:18 host carrier/smtpd[1234]: 3F2A9C81B0: client=...`.
public final class MailLogWriter: Sendable {
    private struct Files {
        var log: FileHandle?
        var errors: FileHandle?
    }

    private let files: NIOLockedValueBox<Files>
    let hostname: String
    let syslogName: String
    let echoToStandardError: Bool
    let pid = ProcessInfo.processInfo.processIdentifier

    /// Opens (appending, creating folders) the two files; an empty path disables one.
    public init(logPath: String, errorPath: String, hostname: String, syslogName: String, echoToStandardError: Bool) throws {
        self.hostname = hostname.split(separator: ".").first.map(String.init) ?? hostname
        self.syslogName = syslogName
        self.echoToStandardError = echoToStandardError
        files = NIOLockedValueBox(Files(log: try Self.open(logPath), errors: try Self.open(errorPath)))
    }

    static func open(_ path: String) throws -> FileHandle? {
        guard !path.isEmpty else { return nil }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o640]) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        handle.seekToEndOfFile()
        return handle
    }

    /// Writes one line for `program` (`smtpd`, `local`...); `isError` also sends it to mail.err.
    public func write(program: String, message: String, isError: Bool, date: Date = Date()) {
        let line = "\(Self.timestamp(date)) \(hostname) \(syslogName)/\(program)[\(pid)]: \(message)\n"
        let data = Data(line.utf8)
        files.withLockedValue { f in
            f.log?.write(data)
            if isError { f.errors?.write(data) }
        }
        if echoToStandardError { FileHandle.standardError.write(data) }
    }

    /// syslog's `Nov  9 09:41:18` (day padded with a space), local time.
    static func timestamp(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&t, &parts)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let day = parts.tm_mday < 10 ? " \(parts.tm_mday)" : "\(parts.tm_mday)"
        return "\(months[Int(parts.tm_mon)]) \(day) " + String(format: "%02d:%02d:%02d", parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}
