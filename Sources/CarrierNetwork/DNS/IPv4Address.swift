/// The RDATA of an A record: four octets (RFC 1035 §3.4.1).
public struct IPv4Address: Hashable, Sendable, CustomStringConvertible {
    public var octets: [UInt8]

    /// `octets` must hold exactly four bytes.
    public init?(octets: [UInt8]) {
        guard octets.count == 4 else { return nil }
        self.octets = octets
    }

    /// Dotted-quad form, "192.0.2.1".
    public var description: String { octets.map(String.init).joined(separator: ".") }
}
