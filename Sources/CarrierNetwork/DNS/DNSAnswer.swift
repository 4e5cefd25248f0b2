/// What a lookup found (RFC 2308 §2): records, a name that does not exist
/// (NXDOMAIN, RCODE 3), or a name that exists without records of the type
/// asked (NODATA). Temporary failures are thrown as `DNSError.temporary`.
public enum DNSAnswer<Value: Sendable>: Sendable {
    case records(Value)
    case nxdomain
    case nodata

    func map<Other: Sendable>(_ transform: (Value) -> Other) -> DNSAnswer<Other> {
        switch self {
        case .records(let value): .records(transform(value))
        case .nxdomain: .nxdomain
        case .nodata: .nodata
        }
    }
}

extension DNSAnswer: Equatable where Value: Equatable {}
