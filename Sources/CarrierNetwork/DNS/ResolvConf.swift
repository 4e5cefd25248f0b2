import Foundation

/// The parts of resolv.conf(5) a mail resolver uses: `nameserver` lines and
/// `options timeout:N attempts:N`. `search` and `domain` are ignored, since MX
/// lookups are for fully qualified names.
public struct ResolvConf: Hashable, Sendable {
    public static let defaultPath = "/etc/resolv.conf"

    public var servers: [DNSServerAddress]
    public var timeout: Duration
    public var attempts: Int

    public init(servers: [DNSServerAddress] = [DNSServerAddress(host: "127.0.0.1")],
                timeout: Duration = .seconds(5), attempts: Int = 2) {
        self.servers = servers
        self.timeout = timeout
        self.attempts = attempts
    }

    /// Parses the text of a resolv.conf; lines it does not understand are
    /// skipped, as the C library does. Values are clamped as glibc clamps them
    /// (timeout ≤ 30 s, attempts ≤ 5).
    public init(parsing text: String) {
        self.init(servers: [])
        for line in text.split(whereSeparator: \.isNewline) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let keyword = words.first, !keyword.hasPrefix("#"), !keyword.hasPrefix(";") else { continue }
            switch keyword {
            case "nameserver":
                if words.count > 1, let address = Self.address(words[1]) { servers.append(address) }
            case "options":
                for option in words.dropFirst() { apply(option) }
            default:
                continue
            }
        }
        if servers.isEmpty { servers = [DNSServerAddress(host: "127.0.0.1")] }
    }

    /// Reads `path`; a missing or unreadable file gives the defaults.
    public static func load(path: String = defaultPath) -> ResolvConf {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return ResolvConf() }
        return ResolvConf(parsing: text)
    }

    private mutating func apply(_ option: Substring) {
        let parts = option.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let value = Int(parts[1]), value >= 0 else { return }
        switch parts[0] {
        case "timeout": timeout = .seconds(min(max(value, 1), 30))
        case "attempts": attempts = min(max(value, 1), 5)
        default: return
        }
    }

    /// A numeric IPv4 address, or anything with a colon as IPv6 (the socket layer rejects a bad one).
    private static func address(_ word: Substring) -> DNSServerAddress? {
        let isIPv4 = word.split(separator: ".", omittingEmptySubsequences: false).count == 4
            && word.allSatisfy { $0.isASCII && $0.isNumber || $0 == "." }
        return isIPv4 || word.contains(":") ? DNSServerAddress(host: String(word)) : nil
    }
}
