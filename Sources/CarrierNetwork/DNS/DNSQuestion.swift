/// One entry of the question section (RFC 1035 §4.1.2).
public struct DNSQuestion: Hashable, Sendable {
    /// The name in presentation form, without the trailing dot (see `DNSName`).
    public var name: String
    public var type: DNSRecordType
    /// QCLASS; 1 is IN.
    public var recordClass: UInt16

    public init(name: String, type: DNSRecordType, recordClass: UInt16 = 1) {
        self.name = name
        self.type = type
        self.recordClass = recordClass
    }

    /// Whether `other` asks the same thing; names compare case-insensitively (RFC 1035 §2.3.3).
    func matches(_ other: DNSQuestion) -> Bool {
        type == other.type && recordClass == other.recordClass
            && DNSName.normalized(name) == DNSName.normalized(other.name)
    }
}
