import CarrierStore
import IMAPProtocol

/// FETCH and UID FETCH (RFC 9051 §6.4.5, §6.4.9, RFC 7162 §3.1.4): one
/// message's body is loaded at a time, and only when an item needs it.
extension IMAPConnection {
    func fetch(_ tag: String, _ set: IMAPSequenceSet, _ request: IMAPFetchRequest, uid: Bool) async -> [UInt8] {
        var output = await synchronize(expunges: false)
        guard var view = selected else { return encode(bad(tag, "No mailbox selected")) }
        guard let indexes = view.indexes(set, uid: uid, saved: []) else {
            return output + encode(bad(tag, "Invalid message sequence number"))
        }
        var attributes = request.attributes
        if uid, !attributes.contains(.uid) { attributes.insert(.uid, at: 0) }
        if request.changedSince != nil || attributes.contains(.modSeq) {
            enabled.insert("CONDSTORE")
            if !attributes.contains(.modSeq) { attributes.append(.modSeq) }
        }
        let needsContent = attributes.contains(where: IMAPFetchBuilder.needsContent)
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
        for index in selection {
            let entry = view.messages[index]
            var content: [UInt8]?
            if needsContent {
                content = try? await services.ingress.store.content(hash: entry.bodyHash)
                if content == nil, view.pendingExpunges.contains(entry.uid) { continue }
            }
            var builder = IMAPFetchBuilder(entry: entry, content: content, utf8: utf8Names)
            var items: [IMAPFetchItem] = []
            for attribute in attributes {
                guard let item = builder.item(attribute) else {
                    return output + encode(no(tag, "Unknown Content-Transfer-Encoding", .unknownCTE))
                }
                items.append(item)
            }
            if seenSet.contains(index), !attributes.contains(.flags) { items.append(.flags(IMAPFlags.wire(entry.flags))) }
            output += encode(.untagged(.fetch(UInt32(index + 1), items)))
        }
        return output + encode(ok(tag, "\(uid ? "UID FETCH" : "FETCH") completed"))
    }
}
