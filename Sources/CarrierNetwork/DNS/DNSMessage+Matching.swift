extension DNSMessage {
    /// Whether this message answers `query`: a response with the same id and
    /// the same single question (RFC 5452 §4.1, §9.1). Anything else on the
    /// socket is ignored as stray or forged.
    func isReply(to query: DNSMessage) -> Bool {
        guard header.isResponse, header.id == query.header.id, questions.count == 1,
              let asked = query.questions.first else { return false }
        return questions[0].matches(asked)
    }

    /// How long a negative answer may be cached: the SOA record's own TTL or
    /// its MINIMUM, whichever is less (RFC 2308 §5), capped at
    /// `DNSLimits.maxNegativeTTL`; zero, so not cached, without an SOA.
    var negativeTTL: UInt32 {
        let soa = authorities.lazy.compactMap { record -> UInt32? in
            guard case .soa(let soa) = record.data else { return nil }
            return min(record.ttl, soa.minimum)
        }.first
        return min(soa ?? 0, DNSLimits.maxNegativeTTL)
    }

    /// How long the answer section may be cached: its smallest TTL (RFC 2181 §5.2),
    /// capped at `DNSLimits.maxPositiveTTL`.
    var positiveTTL: UInt32 {
        min(answers.map(\.ttl).min() ?? 0, DNSLimits.maxPositiveTTL)
    }
}
