/// Why a DNS lookup failed. A `temporary` failure (SERVFAIL, timeout, network
/// error; RFC 1035 §4.1.1 RCODE 2) must defer mail, never bounce it.
public enum DNSError: Error, Equatable, Sendable {
    /// The bytes are not a well-formed DNS message (RFC 1035 §4.1).
    case malformed(String)
    /// No server gave a usable answer; try again later.
    case temporary(String)
    /// The name cannot be put on the wire (RFC 1035 §2.3.4: labels ≤ 63, names ≤ 255 octets).
    case invalidName(String)
}
