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
            return .maildropOpened(messages.map {
                POP3MessageInfo(uid: $0.uid, size: $0.size, uniqueID: POP3UniqueID.make(uidValidity: validity, uid: UInt32(truncatingIfNeeded: $0.uid)))
            })
        } catch {
            log.error("pop3(\(account)): cannot list the maildrop: \(error)")
            releaseMaildrop()
            return .maildropFailed(.temporary)
        }
    }

    /// The stored bytes of message `uid`.
    func load(uid: Int64, top: Bool) async -> POP3ServerEvent {
        guard let hash = bodyHashes[uid], let content = try? await services.ingress.store.content(hash: hash) else {
            return .messageLoadFailed
        }
        if !top {
            statistics.retrieved += 1
            statistics.retrievedBytes += content.count
        }
        return .messageLoaded(content)
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
