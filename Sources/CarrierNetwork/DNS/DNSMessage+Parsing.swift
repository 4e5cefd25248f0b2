extension DNSMessage {
    /// Parses a whole message (RFC 1035 §4.1). Never traps: anything short,
    /// inconsistent or looping throws `DNSError.malformed`. Bytes after the
    /// last record are ignored.
    public init(parsing bytes: [UInt8]) throws(DNSError) {
        var reader = DNSWireReader(bytes)
        let header = DNSHeader(id: try reader.readUInt16(), flags: try reader.readUInt16())
        let questionCount = try reader.readUInt16(), answerCount = try reader.readUInt16()
        let authorityCount = try reader.readUInt16(), additionalCount = try reader.readUInt16()
        var questions: [DNSQuestion] = []
        for _ in 0..<questionCount {
            let name = try reader.readName()
            questions.append(DNSQuestion(name: name, type: DNSRecordType(rawValue: try reader.readUInt16()),
                                         recordClass: try reader.readUInt16()))
        }
        func section(_ count: UInt16) throws(DNSError) -> [DNSRecord] {
            var records: [DNSRecord] = []
            for _ in 0..<count { records.append(try DNSRecord(reading: &reader)) }
            return records
        }
        let answers = try section(answerCount)
        let authorities = try section(authorityCount)
        let additionals = try section(additionalCount)
        self.init(header: header, questions: questions, answers: answers, authorities: authorities,
                  additionals: additionals)
    }
}
