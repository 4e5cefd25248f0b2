import CarrierStore
import IMAPProtocol

/// STORE, EXPUNGE, UID EXPUNGE, COPY and MOVE with their UID forms
/// (RFC 9051 §6.4.3, §6.4.6–§6.4.9, RFC 4315, RFC 6851, RFC 7162 §3.1.3).
extension IMAPConnection {
    func store(_ tag: String, _ set: IMAPSequenceSet, _ request: IMAPStoreRequest, uid: Bool) async -> [UInt8] {
        var output = await synchronize(expunges: false)
        guard var view = selected else { return encode(bad(tag, "No mailbox selected")) }
        guard !view.readOnly else { return output + encode(no(tag, "Mailbox is read-only", .readOnly)) }
        guard let indexes = view.indexes(set, uid: uid, saved: savedResult) else {
            return output + encode(bad(tag, "Invalid message sequence number"))
        }
        if request.unchangedSince != nil { enabled.insert("CONDSTORE") }
        let flags = IMAPFlags.storable(request.flags)
        var modified: [UInt32] = []
        var changed: [Int] = []
        for index in indexes {
            let entry = view.messages[index]
            if let limit = request.unchangedSince, entry.modSeq > Int64(limit) {
                modified.append(uid ? entry.uid : UInt32(index + 1))
                continue
            }
            let updated = IMAPFlags.apply(request.operation, flags, to: entry.flags)
            if Set(updated) != Set(entry.flags) || request.unchangedSince != nil {
                view.messages[index].flags = updated
                changed.append(index)
            }
        }
        if !changed.isEmpty {
            let updates = changed.map { IMAPFlagUpdate(uid: Int64(view.messages[$0].uid), flags: view.messages[$0].flags) }
            do {
                let modSeq = try await services.ingress.store.storeFlags(mailboxID: view.mailboxID, updates: updates)
                for index in changed { view.messages[index].modSeq = modSeq }
            } catch {
                return output + encode(no(tag, "Cannot store flags: temporary server failure", .unavailable))
            }
            selected = view
            services.changes.changed(mailboxID: view.mailboxID)
        }
        let changedSet = Set(changed)
        for index in indexes where !request.silent || (condStore && changedSet.contains(index)) {
            let entry = view.messages[index]
            if modified.contains(uid ? entry.uid : UInt32(index + 1)) { continue }
            var items: [IMAPFetchItem] = []
            if uid || condStore { items.append(.uid(entry.uid)) }
            if !request.silent { items.append(.flags(entry.wireFlags)) }
            if condStore { items.append(.modSeq(UInt64(entry.modSeq))) }
            output += encode(.untagged(.fetch(UInt32(index + 1), items)))
        }
        let code: IMAPResponseCode? = modified.isEmpty ? nil : .modified(IMAPNumberSet(modified))
        return output + encode(ok(tag, "\(uid ? "UID STORE" : "STORE") completed", code))
    }

    /// EXPUNGE removes every \Deleted message; UID EXPUNGE only those in `uids` (RFC 4315 §2.1).
    func expunge(_ tag: String, uids set: IMAPSequenceSet?) async -> [UInt8] {
        guard let view = selected else { return encode(bad(tag, "No mailbox selected")) }
        guard !view.readOnly else { return encode(no(tag, "Mailbox is read-only", .readOnly)) }
        let chosen = set.flatMap { view.indexes($0, uid: true, saved: savedResult) }.map(Set.init)
        let uids = view.messages.indices
            .filter { view.messages[$0].has(IMAPFlags.deleted) && (chosen?.contains($0) ?? true) }
            .map { Int64(view.messages[$0].uid) }
        let removed: Int
        do {
            removed = try await services.ingress.store.expunge(mailboxID: view.mailboxID, uids: uids)
            if removed > 0 { services.changes.changed(mailboxID: view.mailboxID) }
        } catch {
            return encode(no(tag, "Cannot expunge: temporary server failure", .unavailable))
        }
        let updates = await synchronize(expunges: true)
        // RFC 7162 §3.2.7, §3.2.9: the new mod-sequence once QRESYNC is on.
        let code: IMAPResponseCode? = removed > 0 && qresync ? selected.map { .highestModSeq(UInt64($0.highestModSeq)) } : nil
        return updates + encode(ok(tag, "\(set == nil ? "EXPUNGE" : "UID EXPUNGE") completed", code))
    }

    /// COPY keeps flags and internal dates; MOVE (RFC 6851 §3.3) sends the
    /// COPYUID untagged, then the EXPUNGEs, then the tagged OK. A full disk
    /// is answered OVERQUOTA, as APPEND does.
    func copy(_ tag: String, _ set: IMAPSequenceSet, _ wire: String, uid: Bool, move: Bool) async -> [UInt8] {
        let verb = (uid ? "UID " : "") + (move ? "MOVE" : "COPY")
        let output = move ? [] : await synchronize(expunges: false)
        guard let view = selected else { return encode(bad(tag, "No mailbox selected")) }
        if move, view.readOnly { return encode(no(tag, "Mailbox is read-only", .readOnly)) }
        guard let indexes = view.indexes(set, uid: uid, saved: savedResult) else {
            return output + encode(bad(tag, "Invalid message sequence number"))
        }
        guard let name = try? IMAPMailboxName(wire: wire, utf8: utf8Names) else {
            return output + encode(no(tag, "Mailbox doesn't exist", .tryCreate))
        }
        do {
            guard let target = try await lookup(name.name) else {
                return output + encode(no(tag, "Mailbox doesn't exist: \(name.name)", .tryCreate))
            }
            if !move, await overQuota(adding: indexes.reduce(0) { $0 + view.messages[$1].size }) {
                return output + encode(no(tag, "Mailbox is full (quota exceeded)", .overQuota))
            }
            let uids = indexes.map { Int64(view.messages[$0].uid) }
            let pairs = try await services.ingress.store.copyMessages(mailboxID: view.mailboxID, uids: uids, to: target.id, move: move)
            services.changes.changed(mailboxID: target.id)
            let code: IMAPResponseCode? = pairs.isEmpty ? nil : .copyUID(
                uidValidity: UInt32(truncatingIfNeeded: target.uidValidity),
                source: IMAPNumberSet(preservingOrder: pairs.map { UInt32(truncatingIfNeeded: $0.source) }),
                destination: IMAPNumberSet(preservingOrder: pairs.map { UInt32(truncatingIfNeeded: $0.destination) }))
            guard move else { return output + encode(ok(tag, "\(verb) completed", code)) }
            services.changes.changed(mailboxID: view.mailboxID)
            var moved: [UInt8] = []
            if let code { moved = encode(.untagged(.condition(.ok, code: code, text: "Moved UIDs"))) }
            return moved + (await synchronize(expunges: true)) + encode(ok(tag, "\(verb) completed"))
        } catch MailStoreError.storageFull {
            return output + encode(no(tag, "Not enough disk space", .overQuota))
        } catch {
            return output + encode(no(tag, "Temporary server failure", .unavailable))
        }
    }
}
