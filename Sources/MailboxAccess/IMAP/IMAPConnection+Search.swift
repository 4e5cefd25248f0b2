import IMAPProtocol

/// SEARCH and UID SEARCH (RFC 9051 §6.4.4) with ESEARCH results (RFC 4731)
/// and the MODSEQ of CONDSTORE (RFC 7162 §3.1.5). Bodies are loaded one at
/// a time, and only for keys that look inside the message.
extension IMAPConnection {
    func search(_ tag: String, _ command: IMAPSearchCommand, uid: Bool) async -> [UInt8] {
        let output = await synchronize(expunges: false)
        guard let view = selected else { return encode(bad(tag, "No mailbox selected")) }
        if let charset = command.charset, !["US-ASCII", "UTF-8"].contains(charset) {
            return output + encode(no(tag, "Unsupported charset", .badCharset(["US-ASCII", "UTF-8"])))
        }
        let criteria = command.criteria
        let needsContent = IMAPSearchMatcher.needsContent(criteria)
        let usesModSeq = Self.mentionsModSeq(criteria)
        if usesModSeq { enabled.insert("CONDSTORE") }
        let largestUID = view.messages.last?.uid ?? 0
        var numbers: [UInt32] = []
        var highest: Int64 = 0
        for (index, entry) in view.messages.enumerated() {
            let content = needsContent ? try? await services.ingress.store.content(hash: entry.bodyHash) : nil
            var matcher = IMAPSearchMatcher(entry: entry, sequenceNumber: UInt32(index + 1), largestSequence: UInt32(view.messages.count),
                                            largestUID: largestUID, content: content)
            if matcher.matches(criteria) {
                numbers.append(uid ? entry.uid : UInt32(index + 1))
                highest = max(highest, entry.modSeq)
            }
        }
        let modSeq: UInt64? = usesModSeq && !numbers.isEmpty ? UInt64(highest) : nil
        let done = ok(tag, "\(uid ? "UID SEARCH" : "SEARCH") completed")
        guard command.returnOptions != nil || rev2 else {
            return output + encode([.untagged(.search(numbers, modSeq: modSeq)), done])
        }
        var options = command.returnOptions ?? [.all]
        if options.isEmpty { options = [.all] }
        var result = IMAPESearchResponse(tag: tag, uid: uid, modSeq: modSeq)
        if options.contains(.min) { result.min = numbers.min() }
        if options.contains(.max) { result.max = numbers.max() }
        if options.contains(.count) { result.count = numbers.count }
        if options.contains(.all), !numbers.isEmpty { result.all = IMAPNumberSet(numbers) }
        return output + encode([.untagged(.esearch(result)), done])
    }

    static func mentionsModSeq(_ key: IMAPSearchKey) -> Bool {
        switch key {
        case .modSeq: true
        case .not(let inner): mentionsModSeq(inner)
        case .or(let a, let b): mentionsModSeq(a) || mentionsModSeq(b)
        case .and(let keys): keys.contains(where: mentionsModSeq)
        default: false
        }
    }
}
