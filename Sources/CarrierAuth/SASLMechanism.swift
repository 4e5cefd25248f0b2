/// A SASL mechanism Carrier serves (RFC 4422 §3.1), named as registered with
/// IANA: PLAIN (RFC 4616), LOGIN (the de-facto draft-murchison-sasl-login) and
/// SCRAM-SHA-256 (RFC 7677). Carrier has no channel binding, so it offers no
/// `-PLUS` variant (RFC 5802 §6).
public enum SASLMechanism: Sendable, CaseIterable {
    case plain
    case login
    case scramSHA256

    /// Parses a mechanism name as a client sends it, ignoring ASCII case
    /// (RFC 4422 §3.1 names are upper case; clients send `auth plain` too).
    public init?(name: some StringProtocol) {
        let upper = name.utf8.map { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) ? $0 - 32 : $0 }
        guard let mechanism = Self.allCases.first(where: { $0.name.utf8.elementsEqual(upper) }) else { return nil }
        self = mechanism
    }

    /// The canonical (upper case) name, as advertised in `250-AUTH` or `AUTH=`.
    public var name: String {
        switch self {
        case .plain: "PLAIN"
        case .login: "LOGIN"
        case .scramSHA256: "SCRAM-SHA-256"
        }
    }
}
