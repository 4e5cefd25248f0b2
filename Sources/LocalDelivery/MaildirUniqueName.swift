#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Unique file names for Maildir deliveries per the maildir specification
/// (cr.yp.to/proto/maildir.html, "modern" form): `TIME.M<usec>P<pid>Q<n>.HOST`
/// — seconds, microseconds, process id and this process's delivery count, then
/// the host name with `/` written as `\057` and `:` as `\072`.
enum MaildirUniqueName {
    /// Deliveries made by this process (the `Q` part).
    private static let deliveries = Atomic<Int>(0)

    static func next() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let count = deliveries.wrappingAdd(1, ordering: .relaxed).newValue
        return "\(now.tv_sec).M\(now.tv_nsec / 1000)P\(getpid())Q\(count).\(escapedHostName(currentHostName()))"
    }

    static func escapedHostName(_ host: String) -> String {
        var out = ""
        for c in host {
            switch c {
            case "/": out += "\\057"
            case ":": out += "\\072"
            default: out.append(c)
            }
        }
        return out
    }

    static func currentHostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
