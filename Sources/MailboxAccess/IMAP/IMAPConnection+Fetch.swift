import CarrierStore
import IMAPProtocol

/// FETCH and UID FETCH (RFC 9051 §6.4.5, §6.4.9, RFC 7162 §3.1.4, with
/// VANISHED of §3.2.6): one message's body is loaded at a time, and only
/// when an item needs it and the structure cache cannot answer.
extension IMAPConnection {
    func fetch(_ tag: String, _ set: IMAPSequenceSet, _ request: IMAPFetchRequest, uid: Bool) async -> [UInt8] {
        if request.vanished, !qresync { return encode(bad(tag, "QRESYNC is not enabled")) }
        var output = await synchronize(expunges: false)
        guard var view = selected else { return encode(bad(tag, "No mailbox selected")) }
        guard let indexes = view.indexes(set, uid: uid, saved: savedResult) else {
            return output + encode(bad(tag, "Invalid message sequence number"))
        }
        if request.vanished, let since = request.changedSince {
            // `*` reaches the last UID ever given, so a client asking for
            // `1:*` also learns that the newest messages went away.
            let largest = UInt32(truncatingIfNeeded: max(0, view.uidNext - 1))
            let requested = set.resolved(largest: largest) ?? IMAPNumberSet(savedResult)
            if let vanished = try? await vanishedEarlier(view, known: requested, since: Int64(clamping: since)) {
                output += encode(.untagged(.vanished(vanished, earlier: true)))
            }
        }
        var attributes = request.attributes
        if uid, !attributes.contains(.uid) { attributes.insert(.uid, at: 0) }
        if request.changedSince != nil || attributes.contains(.modSeq) {
            enabled.insert("CONDSTORE")
            if !attributes.contains(.modSeq) { attributes.append(.modSeq) }
        }
        var selection = indexes
        if let since = request.changedSince { selection = selection.filter { view.messages[$0].modSeq > Int64(since) } }

        let setsSeen = !view.readOnly && attributes.contains(where: \.setsSeen)
        let newlySeen = setsSeen ? selection.filter { !view.messages[$0].has(IMAPFlags.seen) } : []
        if !newlySeen.isEmpty {
            let updates = newlySeen.map { IMAPFlagUpdate(uid: Int64(view.messages[$0].uid), flags: view.messages[$0].flags + [IMAPFlags.seen]) }
            if let modSeq = try? await services.ingress.store.storeFlags(mailboxID: view.mailboxID, updates: updates) {
                for index in newlySeen {
                    view.messages[index].flags.append(IMAPFlags.seen)
                    view.messages[index].modSeq = modSeq
                }
                selected = view
                services.changes.changed(mailboxID: view.mailboxID)
            }
        }
        let seenSet = Set(newlySeen)
        let structures = services.structures
        for index in selection {
            let entry = view.messages[index]
            let cached = structures.entry(hash: entry.bodyHash, utf8: utf8Names)
            var content: [UInt8]?
            if attributes.contains(where: { IMAPFetchBuilder.needsContent($0, cached: cached) }) {
                content = try? await services.ingress.store.content(hash: entry.bodyHash)
                if content == nil, view.pendingExpunges.contains(entry.uid) { continue }
                // A body that cannot be read now is never sent as an empty message: clients cache what they fetch.
                if content == nil { return output + encode(no(tag, "Message cannot be read now; try again", .unavailable)) }
            }
            var builder = IMAPFetchBuilder(entry: entry, content: content, utf8: utf8Names, cached: cached)
            var items: [IMAPFetchItem] = []
            for attribute in attributes {
                guard let item = builder.item(attribute) else {
                    return output + encode(no(tag, "Unknown Content-Transfer-Encoding", .unknownCTE))
                }
                items.append(item)
            }
            if content != nil, builder.learned.envelope != nil || builder.learned.structure != nil {
                structures.remember(builder.learned, hash: entry.bodyHash, utf8: utf8Names)
            }
            if seenSet.contains(index), !attributes.contains(.flags) { items.append(.flags(IMAPFlags.wire(entry.flags))) }
            output += encode(.untagged(.fetch(UInt32(index + 1), items)))
        }
        return output + encode(ok(tag, "\(uid ? "UID FETCH" : "FETCH") completed"))
    }
}
