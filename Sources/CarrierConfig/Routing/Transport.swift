import Foundation

/// One `transport_maps` value (Postfix transport(5)): `transport:nexthop`.
/// `smtp:[10.0.0.1]:2525` and `relay:host` send over SMTP to that next hop
/// (an empty next hop means the recipient's domain), `local:` delivers to the
/// local namespace, `error:5.1.1 text` refuses the recipient for good and
/// `retry:text` for now.
public enum Transport: Equatable, Sendable {
    case smtp(nexthop: String)
    case local
    case error(String)
    case retry(String)

    /// Parses a table value; nil when the transport name is unknown.
    public init?(_ value: String) {
        let text = value.trimmingCharacters(in: .whitespaces)
        let colon = text.firstIndex(of: ":") ?? text.endIndex
        let name = text[..<colon].lowercased()
        let nexthop = colon == text.endIndex ? "" : String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        switch name {
        case "smtp", "relay", "": self = .smtp(nexthop: nexthop)
        case "local", "virtual": self = .local
        case "error": self = .error(nexthop.isEmpty ? "mail for this destination is refused" : nexthop)
        case "retry": self = .retry(nexthop.isEmpty ? "mail for this destination is held" : nexthop)
        default: return nil
        }
    }

    /// The keys looked up for `localPart@domain`, most specific first: the
    /// address, the domain, each parent as `.parent`, then `*` (transport(5)).
    public static func lookupKeys(localPart: String, domain: String) -> [String] {
        let domain = domain.lowercased()
        var keys = ["\(localPart.lowercased())@\(domain)", domain]
        var rest = Substring(domain)
        while let dot = rest.firstIndex(of: ".") {
            rest = rest[rest.index(after: dot)...]
            if !rest.isEmpty { keys.append(".\(rest)") }
        }
        return keys + ["*"]
    }
}
