import Foundation
import GRDB
import MailCore

/// The mailbox operations of IMAP: folders, flag changes, copies and APPEND,
/// each one transaction through the group-commit writer.
extension SQLiteMailStore {
    public func imapMailboxes(userID: Int64) async throws -> [IMAPMailboxEntry] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM mailboxes WHERE user_id = ? ORDER BY name", arguments: [userID]).map {
                IMAPMailboxEntry(mailbox: Self.mailboxRecord($0), subscribed: $0["subscribed"])
            }
        }
    }

    public func ensureMailboxes(userID: Int64, names: [String]) async throws {
        try await writer.write { db in
            for name in names where try Int64.fetchOne(db, sql: "SELECT id FROM mailboxes WHERE user_id = ? AND name = ?",
                                                       arguments: [userID, name]) == nil {
                try Self.insertMailbox(db, userID: userID, name: name)
            }
        }
    }

    public func createMailbox(userID: Int64, name: String) async throws -> MailboxRecord {
        try await writer.write { db in
            if try Int64.fetchOne(db, sql: "SELECT id FROM mailboxes WHERE user_id = ? AND name = ?", arguments: [userID, name]) != nil {
                throw IMAPStoreError.mailboxExists(name)
            }
            return try Self.insertMailbox(db, userID: userID, name: name)
        }
    }

    public func deleteMailbox(userID: Int64, name: String) async throws -> Bool {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM mailboxes WHERE user_id = ? AND name = ?", arguments: [userID, name])
            return db.changesCount > 0
        }
    }

    public func renameMailbox(userID: Int64, from: String, to: String) async throws {
        try await writer.write { db in
            guard let sourceID = try Int64.fetchOne(db, sql: "SELECT id FROM mailboxes WHERE user_id = ? AND name = ?",
                                                    arguments: [userID, from]) else { throw IMAPStoreError.noSuchMailbox(from) }
            if try Int64.fetchOne(db, sql: "SELECT id FROM mailboxes WHERE user_id = ? AND name = ?", arguments: [userID, to]) != nil {
                throw IMAPStoreError.mailboxExists(to)
            }
            if from == "INBOX" {
                let target = try Self.insertMailbox(db, userID: userID, name: to)
                let uids = try Int64.fetchAll(db, sql: "SELECT uid FROM messages WHERE mailbox_id = ? ORDER BY uid", arguments: [sourceID])
                _ = try Self.copy(db, from: sourceID, uids: uids, to: target.id, move: true)
                return
            }
            let children = try Row.fetchAll(db, sql: "SELECT id, name FROM mailboxes WHERE user_id = ? AND substr(name, 1, ?) = ?",
                                            arguments: [userID, from.utf8.count + 1, from + "/"])
            for child in children {
                let name: String = child["name"]
                let renamed = to + name.dropFirst(from.count)
                if try Int64.fetchOne(db, sql: "SELECT id FROM mailboxes WHERE user_id = ? AND name = ?", arguments: [userID, renamed]) != nil {
                    throw IMAPStoreError.mailboxExists(renamed)
                }
                try db.execute(sql: "UPDATE mailboxes SET name = ? WHERE id = ?", arguments: [renamed, child["id"] as Int64])
            }
            try db.execute(sql: "UPDATE mailboxes SET name = ? WHERE id = ?", arguments: [to, sourceID])
        }
    }

    public func setSubscribed(userID: Int64, name: String, subscribed: Bool) async throws -> Bool {
        try await writer.write { db in
            try db.execute(sql: "UPDATE mailboxes SET subscribed = ? WHERE user_id = ? AND name = ?", arguments: [subscribed, userID, name])
            return db.changesCount > 0
        }
    }

    public func mailbox(id: Int64) async throws -> MailboxRecord? {
        try await pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM mailboxes WHERE id = ?", arguments: [id]).map(Self.mailboxRecord) }
    }

    public func messages(mailboxID: Int64) async throws -> [MessageRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM messages WHERE mailbox_id = ? ORDER BY uid", arguments: [mailboxID]).map(Self.messageRecord)
        }
    }

    public func messageMetadata(mailboxID: Int64) async throws -> [Int64: MessageMetadata] {
        try await pool.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT m.uid, b.subject, b.from_field, b.to_field, b.cc_field, b.message_id, b.in_reply_to, b.refs, b.date,
                       b.mime_structure
                FROM messages m JOIN bodies b ON b.hash = m.body_hash WHERE m.mailbox_id = ?
                """, arguments: [mailboxID])
            var byUID: [Int64: MessageMetadata] = [:]
            while let row = try rows.next() {
                byUID[row["uid"]] = MessageMetadata(subject: row["subject"], from: row["from_field"], to: row["to_field"], cc: row["cc_field"],
                                                    messageID: row["message_id"], inReplyTo: row["in_reply_to"], references: row["refs"],
                                                    date: row["date"], mimeStructure: row["mime_structure"])
            }
            return byUID
        }
    }

    public func mailboxChanges(mailboxID: Int64, sinceModSeq: Int64) async throws -> IMAPMailboxChanges? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM mailboxes WHERE id = ?", arguments: [mailboxID]) else {
                return nil
            }
            let mailbox = Self.mailboxRecord(row)
            let floor: Int64 = row["expunge_floor"]
            guard mailbox.highestModSeq > sinceModSeq else {
                return IMAPMailboxChanges(mailbox: mailbox, sinceModSeq: sinceModSeq, changed: [], expunged: [], expungeFloor: floor)
            }
            let changed = try Row.fetchAll(db, sql: "SELECT * FROM messages WHERE mailbox_id = ? AND modseq > ? ORDER BY uid",
                                           arguments: [mailboxID, sinceModSeq]).map(Self.messageRecord)
            let expunged = try Row.fetchAll(db, sql: "SELECT uid, modseq FROM expunged WHERE mailbox_id = ? AND modseq > ? ORDER BY uid",
                                            arguments: [mailboxID, sinceModSeq]).map { IMAPExpungedUID(uid: $0[0], modSeq: $0[1]) }
            let present = sinceModSeq < floor
                ? try Int64.fetchAll(db, sql: "SELECT uid FROM messages WHERE mailbox_id = ? ORDER BY uid", arguments: [mailboxID])
                : nil
            return IMAPMailboxChanges(mailbox: mailbox, sinceModSeq: sinceModSeq, changed: changed, expunged: expunged,
                                      presentUIDs: present, expungeFloor: floor)
        }
    }

    public func highestModSeqs(mailboxIDs: [Int64]) async throws -> [Int64: Int64] {
        try await pool.read { db in
            var found: [Int64: Int64] = [:]
            for start in stride(from: 0, to: mailboxIDs.count, by: Self.keysPerStatement) {
                let chunk = mailboxIDs[start..<min(mailboxIDs.count, start + Self.keysPerStatement)]
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for row in try Row.fetchAll(db, sql: "SELECT id, highest_modseq FROM mailboxes WHERE id IN (\(marks))",
                                            arguments: StatementArguments(Array(chunk))) {
                    found[row[0]] = row[1]
                }
            }
            return found
        }
    }

    public func mailboxCounts(mailboxID: Int64) async throws -> IMAPMailboxCounts {
        try await pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS messages, COALESCE(SUM(size), 0) AS size,
                       SUM(CASE WHEN ' ' || flags || ' ' LIKE '% \\Seen %' THEN 0 ELSE 1 END) AS unseen,
                       SUM(CASE WHEN ' ' || flags || ' ' LIKE '% \\Deleted %' THEN 1 ELSE 0 END) AS deleted,
                       SUM(CASE WHEN ' ' || flags || ' ' LIKE '% \\Deleted %' THEN size ELSE 0 END) AS deleted_size
                FROM messages WHERE mailbox_id = ?
                """, arguments: [mailboxID])
            return IMAPMailboxCounts(messages: row?["messages"] ?? 0, unseen: row?["unseen"] ?? 0,
                                     deleted: row?["deleted"] ?? 0, size: row?["size"] ?? 0, deletedSize: row?["deleted_size"] ?? 0)
        }
    }

    public func storeFlags(mailboxID: Int64, updates: [IMAPFlagUpdate]) async throws -> Int64 {
        try await writer.write { db in
            guard let modseq = try Int64.fetchOne(db, sql: """
                UPDATE mailboxes SET highest_modseq = highest_modseq + 1 WHERE id = ? RETURNING highest_modseq
                """, arguments: [mailboxID]) else { throw IMAPStoreError.noSuchMailbox(String(mailboxID)) }
            let statement = try db.cachedStatement(sql: "UPDATE messages SET flags = ?, modseq = ? WHERE mailbox_id = ? AND uid = ?")
            for update in updates {
                try statement.execute(arguments: [update.flags.joined(separator: " "), modseq, mailboxID, update.uid])
            }
            return modseq
        }
    }

    public func copyMessages(mailboxID: Int64, uids: [Int64], to destinationID: Int64, move: Bool) async throws -> [(source: Int64, destination: Int64)] {
        let pairs = try await writer.write { db in
            try Self.copy(db, from: mailboxID, uids: uids, to: destinationID, move: move).map { [$0.source, $0.destination] }
        }
        return pairs.map { (source: $0[0], destination: $0[1]) }
    }

    public func append(mailboxID: Int64, messages: [IMAPAppendRequest]) async throws -> [Int64] {
        try await withPreparedBodies(messages.map(\.content)) { stored in try await self.append(mailboxID: mailboxID, messages, stored) }
    }

    private func append(mailboxID: Int64, _ messages: [IMAPAppendRequest], _ stored: [PreparedBody]) async throws -> [Int64] {
        try await writer.write { db in
            var uids: [Int64] = []
            for (message, body) in zip(messages, stored) {
                try Self.insertBody(db, body, metadata: message.metadata)
                guard let row = try Row.fetchOne(db, sql: """
                    UPDATE mailboxes SET uid_next = uid_next + 1, highest_modseq = highest_modseq + 1 WHERE id = ?
                    RETURNING uid_next - 1 AS uid, highest_modseq AS modseq
                    """, arguments: [mailboxID]) else { throw IMAPStoreError.noSuchMailbox(String(mailboxID)) }
                try db.execute(sql: """
                    INSERT INTO messages (mailbox_id, uid, modseq, flags, internal_date, size, body_hash) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [mailboxID, row["uid"] as Int64, row["modseq"] as Int64, message.flags.joined(separator: " "),
                                     message.internalDate, message.content.count, body.hash])
                uids.append(row["uid"])
            }
            return uids
        }
    }

    /// Copies the rows with new UIDs and one new mod-sequence; with `move`
    /// the originals are expunged (RFC 6851 §4.4, RFC 7162 §3.2).
    static func copy(_ db: Database, from sourceID: Int64, uids: [Int64], to targetID: Int64, move: Bool) throws -> [(source: Int64, destination: Int64)] {
        guard let modseq = try Int64.fetchOne(db, sql: """
            UPDATE mailboxes SET highest_modseq = highest_modseq + 1 WHERE id = ? RETURNING highest_modseq
            """, arguments: [targetID]) else { throw IMAPStoreError.noSuchMailbox(String(targetID)) }
        var pairs: [(source: Int64, destination: Int64)] = []
        for uid in uids {
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM messages WHERE mailbox_id = ? AND uid = ?", arguments: [sourceID, uid]),
                  let next = try Int64.fetchOne(db, sql: "UPDATE mailboxes SET uid_next = uid_next + 1 WHERE id = ? RETURNING uid_next - 1",
                                                arguments: [targetID]) else { continue }
            try db.execute(sql: """
                INSERT INTO messages (mailbox_id, uid, modseq, flags, internal_date, size, body_hash, queue_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [targetID, next, modseq, row["flags"] as String, row["internal_date"] as Int64, row["size"] as Int,
                                 row["body_hash"] as String, row["queue_id"] as String?])
            pairs.append((uid, next))
        }
        if move { try remove(db, mailboxID: sourceID, uids: pairs.map(\.source)) }
        return pairs
    }

    /// A new mailbox whose UIDVALIDITY is later than any the user had, so a
    /// name reused after DELETE never repeats one (RFC 9051 §2.3.1.1).
    @discardableResult
    static func insertMailbox(_ db: Database, userID: Int64, name: String) throws -> MailboxRecord {
        let now = Int64(Date().timeIntervalSince1970)
        let latest = try Int64.fetchOne(db, sql: "SELECT MAX(uid_validity) FROM mailboxes WHERE user_id = ?", arguments: [userID]) ?? 0
        let validity = max(now, latest + 1) & 0xFFFF_FFFF
        try db.execute(sql: "INSERT INTO mailboxes (user_id, name, uid_validity) VALUES (?, ?, ?)", arguments: [userID, name, validity])
        return MailboxRecord(id: db.lastInsertedRowID, userID: userID, name: name, uidValidity: validity, uidNext: 1, highestModSeq: 1)
    }

    static func mailboxRecord(_ row: Row) -> MailboxRecord {
        MailboxRecord(id: row["id"], userID: row["user_id"], name: row["name"], uidValidity: row["uid_validity"],
                      uidNext: row["uid_next"], highestModSeq: row["highest_modseq"])
    }

    static func messageRecord(_ row: Row) -> MessageRecord {
        let flags: String = row["flags"]
        return MessageRecord(mailboxID: row["mailbox_id"], uid: row["uid"], modSeq: row["modseq"],
                             flags: flags.split(separator: " ").map(String.init), internalDate: row["internal_date"],
                             size: row["size"], bodyHash: row["body_hash"], queueID: row["queue_id"])
    }
}
