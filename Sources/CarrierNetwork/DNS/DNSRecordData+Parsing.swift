extension DNSRecordData {
    /// Decodes `length` octets of RDATA of `type` (RFC 1035 §3.3, §3.4.1;
    /// RFC 3596 §2.2). Names inside may point anywhere in the message (§4.1.4).
    init(reading reader: inout DNSWireReader, type: DNSRecordType, length: Int) throws(DNSError) {
        let end = reader.offset + length
        switch type {
        case .a:
            guard let address = IPv4Address(octets: Array(try reader.readBytes(length))) else {
                throw .malformed("A RDATA of \(length) octets")
            }
            self = .a(address)
        case .aaaa:
            guard let address = IPv6Address(octets: Array(try reader.readBytes(length))) else {
                throw .malformed("AAAA RDATA of \(length) octets")
            }
            self = .aaaa(address)
        case .mx:
            let preference = try reader.readUInt16()
            self = .mx(MXRecord(preference: preference, exchange: try reader.readName()))
        case .cname: self = .cname(try reader.readName())
        case .ns: self = .ns(try reader.readName())
        case .txt:
            var text: [UInt8] = []
            while reader.offset < end {
                let count = Int(try reader.readUInt8())
                text += try reader.readBytes(count)
            }
            self = .txt(String(decoding: text, as: UTF8.self))
        case .soa:
            let primaryServer = try reader.readName(), mailbox = try reader.readName()
            let fields = [try reader.readUInt32(), try reader.readUInt32(), try reader.readUInt32(),
                          try reader.readUInt32(), try reader.readUInt32()]
            self = .soa(SOARecord(primaryServer: primaryServer, responsibleMailbox: mailbox, serial: fields[0],
                                  refresh: fields[1], retry: fields[2], expire: fields[3], minimum: fields[4]))
        default:
            self = .other(type: type, rdata: Array(try reader.readBytes(length)))
        }
        guard reader.offset <= end else { throw .malformed("\(type) RDATA longer than RDLENGTH") }
    }
}
