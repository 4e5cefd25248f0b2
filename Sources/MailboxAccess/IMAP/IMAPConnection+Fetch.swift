import CarrierStore
import IMAPProtocol

/// FETCH and UID FETCH (RFC 9051 §6.4.5, §6.4.9, RFC 7162 §3.1.4, with
/// VANISHED of §3.2.6): one message's body is loaded at a time, and only
/// when an item needs it and the structure cache cannot answer.
extension IMAPConnection {
    /// `room`: how much of the step's output budget is left for the responses.
    func fetch(_ tag: String, _ set: IMAPSequenceSet, _ request: IMAPFetchRequest, uid: Bool, room: Int) async -> [UInt8] {
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
        fetchRun = IMAPFetchRun(tag: tag, uid: uid, attributes: attributes, remaining: selection[...], newlySeen: Set(newlySeen))
        return output + (await continueFetch(room: room - output.count))
    }

    /// Writes the responses of the running FETCH until they fill `room`
    /// bytes (at least one response); the tagged OK follows the last one.
    /// What is left goes out in the next step, once the client has taken
    /// this part.
    func continueFetch(room: Int) async -> [UInt8] {
        guard var run = fetchRun, let view = selected else {
            fetchRun = nil
            return []
        }
        let structures = services.structures
        var output: [UInt8] = []
        while let index = run.remaining.first, output.isEmpty || output.count < room {
            run.remaining.removeFirst()
            let entry = view.messages[index]
            let cached = structures.entry(hash: entry.bodyHash, utf8: utf8Names)
            var content: [UInt8]?
            if run.attributes.contains(where: { IMAPFetchBuilder.needsContent($0, cached: cached) }) {
                content = try? await services.ingress.store.content(hash: entry.bodyHash)
                if content == nil, view.pendingExpunges.contains(entry.uid) { continue }
                // A body that cannot be read now is never sent as an empty message: clients cache what they fetch.
                if content == nil {
                    fetchRun = nil
                    return output + encode(no(run.tag, "Message cannot be read now; try again", .unavailable))
                }
            }
            var builder = IMAPFetchBuilder(entry: entry, content: content, utf8: utf8Names, cached: cached)
            var items: [IMAPFetchItem] = []
            for attribute in run.attributes {
                guard let item = builder.item(attribute) else {
                    fetchRun = nil
                    return output + encode(no(run.tag, "Unknown Content-Transfer-Encoding", .unknownCTE))
                }
                items.append(item)
            }
            if content != nil, builder.learned.envelope != nil || builder.learned.structure != nil {
                structures.remember(builder.learned, hash: entry.bodyHash, utf8: utf8Names)
            }
            if run.newlySeen.contains(index), !run.attributes.contains(.flags) { items.append(.flags(IMAPFlags.wire(entry.flags))) }
            output += encode(.untagged(.fetch(UInt32(index + 1), items)))
        }
        guard run.remaining.isEmpty else {
            fetchRun = run
            return output
        }
        fetchRun = nil
        return output + encode(ok(run.tag, "\(run.uid ? "UID FETCH" : "FETCH") completed"))
    }
}

/// A FETCH whose responses go out over several steps, so that one command
/// never holds more than about `IMAPConnection.outputBudget` of output and
/// a client that stops reading stops the command.
struct IMAPFetchRun {
    let tag: String
    let uid: Bool
    let attributes: [IMAPFetchAttribute]
    /// The indexes of the messages still to answer for.
    var remaining: ArraySlice<Int>
    /// Messages this FETCH marked \Seen: their FLAGS go with the response.
    let newlySeen: Set<Int>
}
