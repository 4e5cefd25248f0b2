extension DNSResolver {
    /// The records of `type` at `name`, following CNAMEs in each answer and
    /// asking again for the target when an answer ends in a CNAME
    /// (RFC 1034 §5.3.3), at most `DNSLimits.maxCNAMEHops` aliases in all.
    func resolve(_ name: String, _ type: DNSRecordType) async throws -> DNSAnswer<[DNSRecord]> {
        var current = DNSName.normalized(name), hops = 0
        while true {
            let answer = try await lookup(current, type)
            guard case .records(let records) = answer else { return answer }
            var target = current
            while true {
                let wanted = records.filter { $0.type == type && DNSName.normalized($0.name) == target }
                if !wanted.isEmpty { return .records(wanted) }
                let alias = records.lazy.compactMap { record -> String? in
                    guard case .cname(let next) = record.data, DNSName.normalized(record.name) == target else { return nil }
                    return DNSName.normalized(next)
                }.first
                guard let alias, type != .cname else { break }
                hops += 1
                guard hops <= DNSLimits.maxCNAMEHops else {
                    throw DNSError.temporary("more than \(DNSLimits.maxCNAMEHops) CNAMEs from \(name)")
                }
                target = alias
            }
            guard target != current else { return .nodata }
            current = target
        }
    }

    /// One name and type, from the cache or the network; the answer section
    /// as it came.
    func lookup(_ name: String, _ type: DNSRecordType) async throws -> DNSAnswer<[DNSRecord]> {
        if let cached = cache.lookup(name, type) { return cached }
        let reply = try await query(DNSQuestion(name: name, type: type))
        let answer: DNSAnswer<[DNSRecord]>
        let ttl: UInt32
        switch reply.header.responseCode {
        case .nameError: (answer, ttl) = (.nxdomain, reply.negativeTTL)
        case _ where reply.answers.isEmpty: (answer, ttl) = (.nodata, reply.negativeTTL)
        default: (answer, ttl) = (.records(reply.answers), reply.positiveTTL)
        }
        cache.store(answer, for: name, type, ttl: ttl)
        return answer
    }

    /// Asks each server in turn, `attempts` rounds, until one gives NOERROR or
    /// NXDOMAIN; a truncated UDP reply is asked again over TCP (RFC 1035 §4.2.1).
    func query(_ question: DNSQuestion) async throws -> DNSMessage {
        var failure = "no name servers"
        for _ in 0..<attempts {
            for server in servers {
                try Task.checkCancellation()
                let query = DNSMessage.query(id: .random(in: .min ... .max), question: question)
                do {
                    var reply = try await DNSTransport.exchange(query, with: server, over: .udp, timeout: timeout,
                                                                group: group)
                    if reply.header.isTruncated {
                        reply = try await DNSTransport.exchange(query, with: server, over: .tcp, timeout: timeout,
                                                                group: group)
                    }
                    if reply.header.responseCode == .noError || reply.header.responseCode == .nameError {
                        return reply
                    }
                    failure = "\(server) answered RCODE \(reply.header.responseCode.rawValue) for \(question.name)"
                } catch let error as DNSError {
                    guard case .temporary(let reason) = error else { throw error }
                    failure = reason
                }
            }
        }
        throw DNSError.temporary(failure)
    }
}
