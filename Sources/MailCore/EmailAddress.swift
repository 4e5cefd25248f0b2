/// A mailbox address as it travels in the SMTP envelope: `local-part@domain`
/// (RFC 5321 §4.1.2). The local part keeps its case and is stored unquoted;
/// the domain is kept as given (compare with `normalizedDomain`).
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The local part, unquoted (`"john doe"` is stored as `john doe`).
    public var localPart: String
    /// The domain or address literal (`example.test`, `[127.0.0.1]`); empty only for
    /// the RFC 5321 special case `<postmaster>`.
    public var domain: String

    public init(localPart: String, domain: String) {
        self.localPart = localPart
        self.domain = domain
    }

    /// The domain lowercased and without a trailing dot, for routing decisions.
    public var normalizedDomain: String {
        var d = domain.lowercased()
        while d.hasSuffix(".") { d.removeLast() }
        return d
    }

    /// True when the local part or domain contains non-ASCII characters (RFC 6531).
    public var isInternationalized: Bool {
        !localPart.utf8.allSatisfy { $0 < 0x80 } || !domain.utf8.allSatisfy { $0 < 0x80 }
    }

    /// `local@domain`, quoting the local part when it is not a dot-string.
    public var description: String {
        let local = EmailAddress.needsQuoting(localPart) ? EmailAddress.quote(localPart) : localPart
        return domain.isEmpty ? local : "\(local)@\(domain)"
    }

    static func needsQuoting(_ local: String) -> Bool {
        if local.isEmpty || local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") { return true }
        return !local.utf8.allSatisfy { $0 >= 0x80 || $0 == UInt8(ascii: ".") || SMTPCharacterClass.isAtext($0) }
    }

    static func quote(_ local: String) -> String {
        var out = "\""
        for ch in local {
            if ch == "\"" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        out.append("\"")
        return out
    }
}
