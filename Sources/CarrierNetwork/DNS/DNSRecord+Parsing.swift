extension DNSRecord {
    /// Reads one resource record (RFC 1035 §4.1.3); the RDATA of a known type
    /// must fill RDLENGTH exactly.
    init(reading reader: inout DNSWireReader) throws(DNSError) {
        let name = try reader.readName()
        let type = DNSRecordType(rawValue: try reader.readUInt16())
        let recordClass = try reader.readUInt16()
        let ttl = try reader.readUInt32()
        let length = Int(try reader.readUInt16())
        guard length <= reader.remaining else { throw .malformed("RDATA runs past the end") }
        let end = reader.offset + length
        let data = try DNSRecordData(reading: &reader, type: type, length: length)
        guard reader.offset == end else { throw .malformed("\(type) RDATA does not fill RDLENGTH") }
        self.init(name: name, recordClass: recordClass, ttl: ttl, data: data)
    }
}
