extension DNSMessage {
    /// The message in wire form, names uncompressed (RFC 1035 §4.1). Throws
    /// `DNSError.invalidName` for a name that breaks RFC 1035 §2.3.4.
    public func encoded() throws(DNSError) -> [UInt8] {
        var writer = DNSWireWriter()
        writer.writeUInt16(header.id)
        writer.writeUInt16(header.flags)
        for count in [questions.count, answers.count, authorities.count, additionals.count] {
            guard count <= Int(UInt16.max) else { throw .malformed("section with \(count) entries") }
            writer.writeUInt16(UInt16(count))
        }
        for question in questions {
            try writer.writeName(question.name)
            writer.writeUInt16(question.type.rawValue)
            writer.writeUInt16(question.recordClass)
        }
        for record in answers + authorities + additionals {
            try record.encode(into: &writer)
        }
        return writer.bytes
    }
}
