import Foundation
import NIOConcurrencyHelpers

/// Writes log lines in Postfix's format to `maillog_file`, errors and warnings
/// also to `maillog_error_file`, and optionally echoes them to stderr:
/// `Nov 29 09:41:18 host carrier/smtpd[1234]: 3F2A9C81B0: client=...`.
public final class MailLogWriter: Sendable {
    /// Append-mode descriptors of mail.log and mail.err (-1 when disabled).
    private let logDescriptor: Int32
    private let errorDescriptor: Int32
    let hostname: String
    let syslogName: String
    let echoToStandardError: Bool
    let pid = ProcessInfo.processInfo.processIdentifier

    /// Opens (appending, creating folders) the two files; an empty path disables one.
    public init(logPath: String, errorPath: String, hostname: String, syslogName: String, echoToStandardError: Bool) throws {
        self.hostname = hostname.split(separator: ".").first.map(String.init) ?? hostname
        self.syslogName = syslogName
        self.echoToStandardError = echoToStandardError
        logDescriptor = try Self.open(logPath)
        errorDescriptor = try Self.open(errorPath)
    }

    deinit {
        if logDescriptor >= 0 { close(logDescriptor) }
        if errorDescriptor >= 0 { close(errorDescriptor) }
    }

    /// Creates the log file (and its folder) if missing, so it can be handed
    /// to `mail_owner` before the server drops privileges.
    public static func prepare(_ path: String) throws {
        let fd = try open(path)
        if fd >= 0 { close(fd) }
    }

    static func open(_ path: String) throws -> Int32 {
        guard !path.isEmpty else { return -1 }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let fd = Foundation.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path,
                                                               NSLocalizedDescriptionKey: "cannot open log file \(path): \(String(cString: strerror(errno)))"])
        }
        return fd
    }

    /// Writes one line for `program` (`smtpd`, `local`...); `isError` also sends it to mail.err.
    /// Each line is one `write(2)` on an append-mode file, so lines from
    /// several threads (and processes) never interleave.
    public func write(program: String, message: String, isError: Bool, date: Date = Date()) {
        let line = Array("\(timestamp(date)) \(hostname) \(syslogName)/\(program)[\(pid)]: \(message)\n".utf8)
        if logDescriptor >= 0 { Self.writeAll(logDescriptor, line) }
        if isError && errorDescriptor >= 0 { Self.writeAll(errorDescriptor, line) }
        if echoToStandardError { Self.writeAll(STDERR_FILENO, line) }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }

    /// The timestamp text, formatted once per second.
    private let lastTimestamp = NIOLockedValueBox<(second: Int, text: String)>((-1, ""))

    func timestamp(_ date: Date) -> String {
        let second = Int(date.timeIntervalSince1970)
        if let cached = lastTimestamp.withLockedValue({ $0.second == second ? $0.text : nil }) { return cached }
        let text = Self.timestamp(date)
        lastTimestamp.withLockedValue { $0 = (second, text) }
        return text
    }

    /// syslog's `Nov  9 09:41:18` (day padded with a space), local time.
    static func timestamp(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&t, &parts)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let day = parts.tm_mday < 10 ? " \(parts.tm_mday)" : "\(parts.tm_mday)"
        return "\(months[Int(parts.tm_mon)]) \(day) \(twoDigits(parts.tm_hour)):\(twoDigits(parts.tm_min)):\(twoDigits(parts.tm_sec))"
    }

    static func twoDigits(_ n: Int32) -> String {
        n < 10 ? "0\(n)" : "\(n)"
    }
}
