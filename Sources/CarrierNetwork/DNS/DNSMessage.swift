/// A whole DNS message: header and the four sections (RFC 1035 §4.1).
public struct DNSMessage: Hashable, Sendable {
    public var header: DNSHeader
    public var questions: [DNSQuestion]
    public var answers: [DNSRecord]
    public var authorities: [DNSRecord]
    public var additionals: [DNSRecord]

    public init(header: DNSHeader, questions: [DNSQuestion] = [], answers: [DNSRecord] = [],
                authorities: [DNSRecord] = [], additionals: [DNSRecord] = []) {
        self.header = header
        self.questions = questions
        self.answers = answers
        self.authorities = authorities
        self.additionals = additionals
    }

    /// A recursive query for one question with an EDNS0 OPT record offering
    /// `DNSLimits.udpPayloadSize` bytes of UDP payload (RFC 6891 §6.1.2, §6.2.5).
    public static func query(id: UInt16, question: DNSQuestion) -> DNSMessage {
        let opt = DNSRecord(name: DNSName.root, recordClass: UInt16(DNSLimits.udpPayloadSize), ttl: 0,
                            data: .other(type: .opt, rdata: []))
        return DNSMessage(header: DNSHeader(id: id, recursionDesired: true), questions: [question],
                          additionals: [opt])
    }
}
