/// The RDATA of an MX record (RFC 1035 §3.3.9).
public struct MXRecord: Hashable, Sendable {
    /// Lower is preferred.
    public var preference: UInt16
    /// The mail exchanger, without the trailing dot; the root is ".".
    public var exchange: String

    public init(preference: UInt16, exchange: String) {
        self.preference = preference
        self.exchange = exchange
    }

    /// A null MX: the domain accepts no mail (RFC 7505 §3). It counts only as
    /// the sole MX record of a domain; see `isNullMX(_:)`.
    public var isNullMX: Bool { preference == 0 && exchange == DNSName.root }

    /// Whether `records` is the null MX of RFC 7505 §3: exactly one record, preference 0, exchange ".".
    public static func isNullMX(_ records: [MXRecord]) -> Bool {
        records.count == 1 && records[0].isNullMX
    }
}
