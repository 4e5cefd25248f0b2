extension DNSRecord {
    /// Writes the record, RDLENGTH computed from the RDATA (RFC 1035 §4.1.3).
    func encode(into writer: inout DNSWireWriter) throws(DNSError) {
        try writer.writeName(name)
        writer.writeUInt16(type.rawValue)
        writer.writeUInt16(recordClass)
        writer.writeUInt32(ttl)
        let lengthOffset = writer.bytes.count
        writer.writeUInt16(0)
        switch data {
        case .a(let address): writer.writeBytes(address.octets)
        case .aaaa(let address): writer.writeBytes(address.octets)
        case .mx(let mx):
            writer.writeUInt16(mx.preference)
            try writer.writeName(mx.exchange)
        case .cname(let target), .ns(let target): try writer.writeName(target)
        case .txt(let text): Self.writeCharacterStrings(Array(text.utf8), into: &writer)
        case .soa(let soa):
            try writer.writeName(soa.primaryServer)
            try writer.writeName(soa.responsibleMailbox)
            for field in [soa.serial, soa.refresh, soa.retry, soa.expire, soa.minimum] { writer.writeUInt32(field) }
        case .other(_, let rdata): writer.writeBytes(rdata)
        }
        let length = writer.bytes.count - lengthOffset - 2
        guard length <= Int(UInt16.max) else { throw .malformed("RDATA of \(length) octets") }
        writer.patchUInt16(UInt16(length), at: lengthOffset)
    }

    /// TXT text cut into character-strings of at most 255 octets (RFC 1035 §3.3.14).
    private static func writeCharacterStrings(_ text: [UInt8], into writer: inout DNSWireWriter) {
        var start = 0
        repeat {
            let chunk = text[start..<min(start + 255, text.count)]
            writer.writeUInt8(UInt8(chunk.count))
            writer.writeBytes(chunk)
            start += 255
        } while start < text.count
    }
}
