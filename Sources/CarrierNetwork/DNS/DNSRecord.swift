/// A resource record from any section of a message (RFC 1035 §4.1.3).
public struct DNSRecord: Hashable, Sendable {
    /// The owner name in presentation form, without the trailing dot.
    public var name: String
    /// CLASS; 1 is IN. In an OPT record it is the UDP payload size (RFC 6891 §6.1.2).
    public var recordClass: UInt16
    public var ttl: UInt32
    public var data: DNSRecordData

    public init(name: String, recordClass: UInt16 = 1, ttl: UInt32, data: DNSRecordData) {
        self.name = name
        self.recordClass = recordClass
        self.ttl = ttl
        self.data = data
    }

    public var type: DNSRecordType { data.type }
}
