/// Every bound the DNS code enforces, in one place (RFC 1035 §2.3.4, §4.1.4,
/// §4.2.1; RFC 6891 §6.2.5; RFC 2308 §5).
public enum DNSLimits {
    /// Longest label (RFC 1035 §2.3.4).
    public static let maxLabelLength = 63
    /// Longest name in wire form, length octets and root included (RFC 1035 §2.3.4).
    public static let maxNameLength = 255
    /// Compression pointers followed while reading one name (RFC 1035 §4.1.4 sets none; loops must end).
    public static let maxPointerJumps = 128
    /// UDP payload size advertised with EDNS0 (RFC 6891 §6.2.5, DNS flag day 2020 value).
    public static let udpPayloadSize = 1232
    /// CNAME records followed before giving up.
    public static let maxCNAMEHops = 8
    /// Entries kept in each of the positive and negative caches.
    public static let cacheEntries = 10_000
    /// Longest time a negative answer is cached (RFC 2308 §5 suggests 1–3 hours).
    public static let maxNegativeTTL: UInt32 = 3600
    /// Longest time a positive answer is cached (RFC 2181 §8 allows more; a day is plenty for mail).
    public static let maxPositiveTTL: UInt32 = 86_400
}
