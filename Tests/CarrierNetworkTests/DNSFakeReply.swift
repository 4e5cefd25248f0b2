import CarrierNetwork

/// What `DNSFakeServer` does with one question.
struct DNSFakeReply: Sendable {
    var responseCode = DNSResponseCode.noError
    var answers: [DNSRecord] = []
    var authorities: [DNSRecord] = []
    /// Over UDP, answer with TC=1 and no records, so the client asks over TCP.
    var truncateOverUDP = false
    /// Never answer over UDP.
    var silent = false
    /// Over UDP, send a reply with the wrong id before the right one.
    var strayFirst = false

    static func records(_ answers: DNSRecord...) -> DNSFakeReply { DNSFakeReply(answers: answers) }

    /// NXDOMAIN or NODATA with an SOA whose MINIMUM is `minimum`.
    static func negative(_ code: DNSResponseCode, minimum: UInt32) -> DNSFakeReply {
        let soa = SOARecord(primaryServer: "ns.test", responsibleMailbox: "hostmaster.test", serial: 1, refresh: 3600,
                            retry: 600, expire: 86_400, minimum: minimum)
        return DNSFakeReply(responseCode: code, authorities: [DNSRecord(name: "test", ttl: 3600, data: .soa(soa))])
    }
}
