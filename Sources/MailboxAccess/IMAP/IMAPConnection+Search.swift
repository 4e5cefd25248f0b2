import IMAPProtocol

/// SEARCH and UID SEARCH (RFC 9051 §6.4.4) with ESEARCH results (RFC 4731),
/// the saved result of SEARCHRES (RFC 5182, RFC 9051 §6.4.4.1) and the
/// MODSEQ of CONDSTORE (RFC 7162 §3.1.5). Bodies are loaded in batches, and
/// only for keys that look inside the message; when the store cannot be
/// read the command fails with NO [UNAVAILABLE] rather than answer with
/// messages missing.
extension IMAPConnection {
    /// The charsets SEARCH, SORT and THREAD understand.
    static let searchCharsets = ["US-ASCII", "UTF-8"]

    func search(_ tag: String, _ command: IMAPSearchCommand, uid: Bool) async -> [UInt8] {
        let output = await synchronize(expunges: false)
        guard let view = selected else { return encode(bad(tag, "No mailbox selected")) }
        var options = command.returnOptions ?? []
        let saves = options.contains(.save)
        if let charset = command.charset, !Self.searchCharsets.contains(charset) {
            if saves { savedResult = [] }
            return output + encode(no(tag, "Unsupported charset", .badCharset(Self.searchCharsets)))
        }
        let usesModSeq = Self.mentionsModSeq(command.criteria)
        if usesModSeq { enabled.insert("CONDSTORE") }
        let found: [Int]
        do {
            found = try await matching(command.criteria, in: view)
        } catch {
            log.error("\(who): SEARCH cannot read the mailbox: \(error)")
            if saves { savedResult = [] }
            return output + encode(no(tag, "Cannot search now: temporary server failure", .unavailable))
        }
        let numbers = found.map { uid ? view.messages[$0].uid : UInt32($0 + 1) }
        let highest = found.map { view.messages[$0].modSeq }.max()
        let modSeq: UInt64? = usesModSeq ? highest.map(UInt64.init) : nil
        if saves { savedResult = Self.saved(found.map { view.messages[$0].uid }, options) }
        let done = ok(tag, "\(uid ? "UID SEARCH" : "SEARCH") completed")
        guard command.returnOptions != nil || rev2 else {
            return output + encode([.untagged(.search(numbers, modSeq: modSeq)), done])
        }
        if command.returnOptions == nil { options = [.all] }
        if options == [.save] { return output + encode(done) }
        var result = IMAPESearchResponse(tag: tag, uid: uid, modSeq: modSeq)
        if options.contains(.min) { result.min = numbers.first }
        if options.contains(.max) { result.max = numbers.last }
        if options.contains(.count) { result.count = numbers.count }
        if options.contains(.all), !numbers.isEmpty { result.all = IMAPNumberSet(numbers) }
        return output + encode([.untagged(.esearch(result)), done])
    }

    /// The indexes, ascending, of the view's messages that match. Header
    /// keys the delivery-time metadata answers read it once for the mailbox;
    /// bodies, when needed, are read a batch at a time, the next batches
    /// while this one is matched. Throws when the store cannot be read.
    func matching(_ criteria: IMAPSearchKey, in view: IMAPMailboxView) async throws -> [Int] {
        let store = services.ingress.store
        let useMetadata = IMAPSearchMatcher.usesMetadata(criteria)
        let metadata = useMetadata ? try await store.messageMetadata(mailboxID: view.mailboxID) : [:]
        let largestUID = view.messages.last?.uid ?? 0
        let saved = Set(savedResult)
        func matches(_ index: Int, content: [UInt8]?) -> Bool {
            let entry = view.messages[index]
            var matcher = IMAPSearchMatcher(entry: entry, sequenceNumber: UInt32(index + 1),
                                            largestSequence: UInt32(view.messages.count), largestUID: largestUID,
                                            content: content, metadata: metadata[Int64(entry.uid)], saved: saved)
            return matcher.matches(criteria)
        }
        guard IMAPSearchMatcher.needsContent(criteria, metadata: useMetadata) else {
            return view.messages.indices.filter { matches($0, content: nil) }
        }
        var reader = IMAPSearchBodyReader(store: store, messages: view.messages)
        defer { reader.cancel() }
        var found: [Int] = []
        while let batch = try await reader.next() {
            for (offset, index) in batch.indexes.enumerated() {
                // A body the store no longer has is that of a message expunged
                // (and its body collected) since the view was made: it matches nothing.
                guard let content = batch.contents[batch.hashes[offset]] else { continue }
                if matches(index, content: content) { found.append(index) }
            }
        }
        return found
    }

    /// What `$` keeps of a result (RFC 9051 §6.4.4.1, table 4): only the
    /// MIN and/or MAX message when those are asked for without ALL or COUNT.
    static func saved(_ uids: [UInt32], _ options: [IMAPSearchReturnOption]) -> [UInt32] {
        guard !options.contains(.all), !options.contains(.count), options.contains(.min) || options.contains(.max),
              let first = uids.first, let last = uids.last else { return uids }
        var kept: [UInt32] = []
        if options.contains(.min) { kept.append(first) }
        if options.contains(.max), !kept.contains(last) { kept.append(last) }
        return kept
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
