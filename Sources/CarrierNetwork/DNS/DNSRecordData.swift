/// The RDATA of a record, decoded for the types mail needs (RFC 1035 §3.3,
/// §3.4.1; AAAA RFC 3596 §2.2); any other type keeps its raw bytes.
public enum DNSRecordData: Hashable, Sendable {
    case a(IPv4Address)
    case aaaa(IPv6Address)
    case mx(MXRecord)
    /// The canonical name this alias points to (RFC 1035 §3.3.1).
    case cname(String)
    case ns(String)
    /// The character-strings joined with nothing between them, as SPF and DKIM read them
    /// (RFC 7208 §3.3).
    case txt(String)
    case soa(SOARecord)
    case other(type: DNSRecordType, rdata: [UInt8])

    public var type: DNSRecordType {
        switch self {
        case .a: .a
        case .aaaa: .aaaa
        case .mx: .mx
        case .cname: .cname
        case .ns: .ns
        case .txt: .txt
        case .soa: .soa
        case .other(let type, _): type
        }
    }
}
