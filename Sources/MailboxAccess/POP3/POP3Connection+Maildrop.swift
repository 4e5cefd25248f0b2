import CarrierStore
import POP3Protocol

/// The maildrop a POP3 session works on: the user's INBOX in the store.
extension POP3Connection {
    /// Locks the maildrop and lists INBOX as it is now; UIDL values come from
    /// UIDVALIDITY and the UID, so they agree with IMAP's view and stay stable.
    func openMaildrop(_ name: String) async -> POP3ServerEvent {
        let store = services.ingress.store
        let snapshot = (try? await services.ingress.directory.refreshIfChanged()) ?? services.ingress.directory.snapshot
        guard let account = user, let record = snapshot.user(address: account) else { return .maildropFailed(.permanent) }
        guard services.maildropLocks.acquire(record.id) else {
            log.info("pop3(\(account)): maildrop is locked by another session: \(client)")
            return .maildropFailed(.locked)
        }
        lockedUserID = record.id
        do {
            guard let inbox = try await store.mailboxes(userID: record.id).first(where: { $0.name == "INBOX" }) else {
                return .maildropOpened([])
            }
            mailboxID = inbox.id
            let validity = UInt32(truncatingIfNeeded: inbox.uidValidity)
            let messages = try await store.messages(userID: record.id, mailbox: "INBOX")
            bodyHashes = Dictionary(messages.map { ($0.uid, $0.bodyHash) }, uniquingKeysWith: { first, _ in first })
            order = messages.map { ($0.uid, $0.size) }
            return .maildropOpened(messages.map {
                POP3MessageInfo(uid: $0.uid, size: $0.size, uniqueID: POP3UniqueID.make(uidValidity: validity, uid: UInt32(truncatingIfNeeded: $0.uid)))
            })
        } catch {
            log.error("pop3(\(account)): cannot list the maildrop: \(error)")
            releaseMaildrop()
            return .maildropFailed(.temporary)
        }
    }

    /// The stored bytes of message `uid`, from the read-ahead or with the
    /// messages after it in one store read.
    func load(uid: Int64, top: Bool) async -> POP3ServerEvent {
        if readAhead[uid] == nil { await readAhead(from: uid) }
        guard let content = readAhead.removeValue(forKey: uid) else { return .messageLoadFailed }
        if !top {
            statistics.retrieved += 1
            statistics.retrievedBytes += content.count
        }
        return .messageLoaded(content)
    }

    /// Reads `uid` and the messages that follow it, up to `readAheadBytes`.
    func readAhead(from uid: Int64) async {
        readAhead = [:]
        guard let start = order.firstIndex(where: { $0.uid == uid }) else { return }
        var uids: [Int64] = []
        var total = 0
        for (next, size) in order[start...] {
            if !uids.isEmpty && total + size > Self.readAheadBytes { break }
            uids.append(next)
            total += size
        }
        let hashes = uids.compactMap { bodyHashes[$0] }
        guard let contents = try? await services.ingress.store.contents(hashes: hashes) else { return }
        for uid in uids {
            if let hash = bodyHashes[uid], let content = contents[hash] { readAhead[uid] = content }
        }
    }

    /// QUIT's UPDATE state (RFC 1939 §6): the deleted messages leave the store.
    func delete(_ uids: [Int64]) async -> POP3ServerEvent {
        guard let mailboxID else { return uids.isEmpty ? .deletionsCommitted : .deletionsFailed }
        do {
            statistics.deleted = try await services.ingress.store.expunge(mailboxID: mailboxID, uids: uids)
            services.changes.changed(mailboxID: mailboxID)
            return .deletionsCommitted
        } catch {
            log.error("pop3(\(user ?? "")): cannot remove deleted messages: \(error)")
            return .deletionsFailed
        }
    }
}
