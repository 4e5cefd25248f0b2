import GRDB

/// Expunges and what QRESYNC needs to know of them later (RFC 7162 §3.2):
/// each expunge, by IMAP, POP3 or MOVE, takes one new mod-sequence and
/// records every removed UID under it in the same transaction. A mailbox
/// keeps the newest `expungedRetention` records; older ones are dropped and
/// `expunge_floor` rises past them, so a client asking from before it is
/// told the list is incomplete and resynchronizes from its own UIDs.
extension SQLiteMailStore {
    /// How many expunged UIDs a mailbox remembers for QRESYNC.
    static let expungedRetention = 20_000

    public func expunge(mailboxID: Int64, uids: [Int64]) async throws -> Int {
        guard !uids.isEmpty else { return 0 }
        return try await writer.write { db in try Self.remove(db, mailboxID: mailboxID, uids: uids).count }
    }

    public func expunged(mailboxID: Int64, sinceModSeq: Int64) async throws -> IMAPExpungedUIDs {
        try await pool.read { db in
            let floor = try Int64.fetchOne(db, sql: "SELECT expunge_floor FROM mailboxes WHERE id = ?", arguments: [mailboxID]) ?? 0
            let uids = try Int64.fetchAll(db, sql: "SELECT uid FROM expunged WHERE mailbox_id = ? AND modseq > ? ORDER BY uid",
                                          arguments: [mailboxID, sinceModSeq])
            return IMAPExpungedUIDs(uids: uids, complete: sinceModSeq >= floor)
        }
    }

    /// Deletes the messages that exist among `uids`; when any did, the
    /// mailbox's mod-sequence advances once and the removed UIDs are
    /// recorded with it. Returns the removed UIDs.
    @discardableResult
    static func remove(_ db: Database, mailboxID: Int64, uids: [Int64]) throws -> [Int64] {
        let delete = try db.cachedStatement(sql: "DELETE FROM messages WHERE mailbox_id = ? AND uid = ?")
        var removed: [Int64] = []
        for uid in uids {
            try delete.execute(arguments: [mailboxID, uid])
            if db.changesCount > 0 { removed.append(uid) }
        }
        guard !removed.isEmpty, let modseq = try Int64.fetchOne(db, sql: """
            UPDATE mailboxes SET highest_modseq = highest_modseq + 1 WHERE id = ? RETURNING highest_modseq
            """, arguments: [mailboxID]) else { return removed }
        let record = try db.cachedStatement(sql: "INSERT OR REPLACE INTO expunged (mailbox_id, uid, modseq) VALUES (?, ?, ?)")
        for uid in removed { try record.execute(arguments: [mailboxID, uid, modseq]) }
        try prune(db, mailboxID: mailboxID, keeping: expungedRetention)
        return removed
    }

    /// Forgets all but the newest `kept` expunged UIDs of a mailbox (by
    /// mod-sequence, whole expunges at a time) and raises its floor to the
    /// newest forgotten mod-sequence.
    static func prune(_ db: Database, mailboxID: Int64, keeping kept: Int) throws {
        guard let cutoff = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT modseq FROM expunged WHERE mailbox_id = ? ORDER BY modseq DESC LIMIT 1 OFFSET ?
            """), arguments: [mailboxID, kept]) else { return }
        try db.cachedStatement(sql: "DELETE FROM expunged WHERE mailbox_id = ? AND modseq <= ?").execute(arguments: [mailboxID, cutoff])
        try db.cachedStatement(sql: "UPDATE mailboxes SET expunge_floor = MAX(expunge_floor, ?) WHERE id = ?")
            .execute(arguments: [cutoff, mailboxID])
    }
}
