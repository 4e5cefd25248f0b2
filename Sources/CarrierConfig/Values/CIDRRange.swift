/// An IPv4 or IPv6 network as written in `mynetworks`: `127.0.0.0/8`, `[::1]/128`, `::1/128`,
/// or a bare address (a /32 or /128). Host bits after the prefix are cleared.
public struct CIDRRange: Sendable, Hashable, CustomStringConvertible {
    private let network: IPAddress
    /// The number of leading bits that must match.
    public let prefixLength: Int

    /// Parses one `mynetworks` item, or returns nil if it is not an address or network.
    public init?(_ text: String) {
        var addressText = Substring(text)
        var prefixText: Substring?
        if let slash = text.lastIndex(of: "/") {
            addressText = text[..<slash]
            prefixText = text[text.index(after: slash)...]
        }
        if addressText.hasPrefix("["), addressText.hasSuffix("]") {
            addressText = addressText.dropFirst().dropLast()
        }
        guard let address = IPAddress(addressText) else { return nil }
        let bits = address.bytes.count * 8
        let prefix = prefixText.map { ParameterValueParser.integer($0) } ?? bits
        guard let prefix, prefix <= bits else { return nil }
        self.network = IPAddress(bytes: Self.masked(address.bytes, prefix: prefix))
        self.prefixLength = prefix
    }

    /// Whether the textual address `address` (IPv4, IPv6, bracketed IPv6, or IPv4-mapped
    /// IPv6 such as `::ffff:127.0.0.1`) lies inside this network. False for text that is no address.
    public func contains(_ address: String) -> Bool {
        var text = Substring(address)
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        guard var candidate = IPAddress(text) else { return false }
        if network.bytes.count == 4, let ipv4 = candidate.unmappedIPv4 { candidate = ipv4 }
        guard candidate.bytes.count == network.bytes.count else { return false }
        return Self.masked(candidate.bytes, prefix: prefixLength) == network.bytes
    }

    /// `127.0.0.0/8`, or `[::1]/128` for IPv6 (Postfix's `mynetworks` form).
    public var description: String {
        network.bytes.count == 4 ? "\(network)/\(prefixLength)" : "[\(network)]/\(prefixLength)"
    }

    private static func masked(_ bytes: [UInt8], prefix: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let keep = min(max(prefix - index * 8, 0), 8)
            return keep == 0 ? 0 : byte & ~UInt8(0xff >> keep)
        }
    }
}
