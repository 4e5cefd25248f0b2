import NIOCore

/// A stub resolver for mail routing (RFC 1035 §7, RFC 5321 §5.1): asks
/// recursive servers over UDP with TCP fallback on truncation, tries each
/// server `attempts` times with `timeout` per try, follows CNAME chains, and
/// caches positive answers by TTL and negative ones by the SOA minimum
/// (RFC 2308). Any failure to get an answer is `DNSError.temporary`, so mail
/// is deferred, never bounced.
public final class DNSResolver: Sendable {
    public let servers: [DNSServerAddress]
    public let timeout: Duration
    public let attempts: Int
    let group: any EventLoopGroup
    let cache: DNSCache

    /// `now` is the cache's clock; tests move it to expire entries.
    public init(servers: [DNSServerAddress], timeout: Duration, attempts: Int, group: any EventLoopGroup,
                now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.servers = servers
        self.timeout = timeout
        self.attempts = max(attempts, 1)
        self.group = group
        self.cache = DNSCache(now: now)
    }

    /// A resolver using the servers and options of /etc/resolv.conf.
    public static func system(group: any EventLoopGroup) -> DNSResolver {
        let conf = ResolvConf.load()
        return DNSResolver(servers: conf.servers, timeout: conf.timeout, attempts: conf.attempts, group: group)
    }

    /// The MX records of `domain`, in the order the server gave them; see
    /// `MXRecord.isNullMX(_:)` for a domain that takes no mail (RFC 7505).
    public func mx(_ domain: String) async throws -> DNSAnswer<[MXRecord]> {
        try await resolve(domain, .mx).map { records in
            records.compactMap { if case .mx(let mx) = $0.data { mx } else { nil } }
        }
    }

    public func a(_ name: String) async throws -> DNSAnswer<[IPv4Address]> {
        try await resolve(name, .a).map { records in
            records.compactMap { if case .a(let address) = $0.data { address } else { nil } }
        }
    }

    public func aaaa(_ name: String) async throws -> DNSAnswer<[IPv6Address]> {
        try await resolve(name, .aaaa).map { records in
            records.compactMap { if case .aaaa(let address) = $0.data { address } else { nil } }
        }
    }

    /// Each TXT record as one string, its character-strings joined (RFC 7208 §3.3).
    public func txt(_ name: String) async throws -> DNSAnswer<[String]> {
        try await resolve(name, .txt).map { records in
            records.compactMap { if case .txt(let text) = $0.data { text } else { nil } }
        }
    }
}
