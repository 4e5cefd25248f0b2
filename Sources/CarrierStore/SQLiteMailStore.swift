import Crypto
import Foundation
import GRDB
import MailCore
import NIOConcurrencyHelpers

/// The default `MailStore`: one SQLite database (WAL, `synchronous=FULL`) in the
/// data directory, written through a group-commit writer, with large bodies as
/// fsynced files beside it. Several processes (the server and `carrier user`,
/// `carrier newaliases`) may open it at once.
public final class SQLiteMailStore: MailStore {
    /// Bodies up to this size live in the database; larger ones are files.
    public static let inlineBodyLimit = 128 * 1024

    let pool: DatabasePool
    let writer: GroupCommitWriter
    let bodyFiles: BodyFileStore
    /// Bodies being stored now, whose files collection leaves alone.
    let bodyWrites = BodyWritesInFlight()
    /// Told after each delivery that stored a message.
    let deliveryObservers = NIOLockedValueBox<[@Sendable () -> Void]>([])
    public let path: String

    /// Opens (creating if needed) the store in `directory`.
    public init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = "\(directory)/carrier.sqlite"
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try StoreSchema.migrator.migrate(pool)
        writer = GroupCommitWriter(writer: pool)
        bodyFiles = BodyFileStore(directory: "\(directory)/bodies")
    }

    /// SHA-256 of the content, hex: the key bodies are shared by.
    public static func contentHash(_ content: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: content) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// `PRAGMA integrity_check`: "ok" when the database is sound.
    public func integrityCheck() async throws -> String {
        try await pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" }
    }

    // MARK: Directory

    public func createUser(address: String, passwordHash: String, isAdmin: Bool) async throws -> UserRecord {
        let now = Int64(Date().timeIntervalSince1970)
        return try await writer.write { db in
            if try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE address = ?", arguments: [address]) != nil {
                throw MailStoreError.userExists(address)
            }
            try db.execute(sql: "INSERT INTO users (address, password, is_admin, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [address, passwordHash, isAdmin, now])
            let id = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO mailboxes (user_id, name, uid_validity) VALUES (?, 'INBOX', ?)",
                           arguments: [id, now])
            return UserRecord(id: id, address: address, passwordHash: passwordHash, isAdmin: isAdmin)
        }
    }

    public func user(address: String) async throws -> UserRecord? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT id, address, password, is_admin FROM users WHERE address = ?",
                             arguments: [address]).map(Self.user)
        }
    }

    public func users() async throws -> [UserRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, address, password, is_admin FROM users ORDER BY address").map(Self.user)
        }
    }

    public func updatePassword(address: String, passwordHash: String) async throws -> Bool {
        try await writer.write { db in
            try db.execute(sql: "UPDATE users SET password = ? WHERE address = ?", arguments: [passwordHash, address])
            return db.changesCount > 0
        }
    }

    public func deleteUser(address: String) async throws -> Bool {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM users WHERE address = ?", arguments: [address])
            return db.changesCount > 0
        }
    }

    static func user(_ row: Row) -> UserRecord {
        UserRecord(id: row["id"], address: row["address"], passwordHash: row["password"], isAdmin: row["is_admin"])
    }

    // MARK: Aliases

    public func replaceAliases(_ aliases: [AliasRecord]) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM aliases")
            for alias in aliases {
                try db.execute(sql: "INSERT OR REPLACE INTO aliases (name, targets) VALUES (?, ?)",
                               arguments: [alias.name, alias.targets.joined(separator: "\n")])
            }
        }
    }

    public func alias(name: String) async throws -> AliasRecord? {
        try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT targets FROM aliases WHERE name = ?", arguments: [name]).map {
                AliasRecord(name: name, targets: $0.split(separator: "\n").map(String.init))
            }
        }
    }

    // MARK: Directory snapshot

    public func directoryVersion() async throws -> Int64 {
        try await pool.read { db in try Int64.fetchOne(db, sql: "SELECT version FROM directory_version") ?? 0 }
    }

    public func loadDirectory() async throws -> DirectorySnapshot {
        try await pool.read { db in
            let version = try Int64.fetchOne(db, sql: "SELECT version FROM directory_version") ?? 0
            let users = try Row.fetchAll(db, sql: "SELECT id, address, password, is_admin FROM users").map(Self.user)
            let aliases = try Row.fetchAll(db, sql: "SELECT name, targets FROM aliases").map {
                let targets: String = $0["targets"]
                return AliasRecord(name: $0["name"], targets: targets.split(separator: "\n").map(String.init))
            }
            return DirectorySnapshot(version: version, users: users, aliases: aliases)
        }
    }

    // MARK: Reading

    public func mailboxes(userID: Int64) async throws -> [MailboxRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM mailboxes WHERE user_id = ? ORDER BY name", arguments: [userID]).map {
                MailboxRecord(id: $0["id"], userID: $0["user_id"], name: $0["name"], uidValidity: $0["uid_validity"],
                              uidNext: $0["uid_next"], highestModSeq: $0["highest_modseq"])
            }
        }
    }

    public func messages(userID: Int64, mailbox: String) async throws -> [MessageRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.* FROM messages m JOIN mailboxes b ON b.id = m.mailbox_id
                WHERE b.user_id = ? AND b.name = ? ORDER BY m.uid
                """, arguments: [userID, mailbox]).map {
                let flags: String = $0["flags"]
                return MessageRecord(mailboxID: $0["mailbox_id"], uid: $0["uid"], modSeq: $0["modseq"],
                                     flags: flags.split(separator: " ").map(String.init), internalDate: $0["internal_date"],
                                     size: $0["size"], bodyHash: $0["body_hash"], queueID: $0["queue_id"])
            }
        }
    }

    public func content(hash: String) async throws -> [UInt8]? {
        // Sendable values only: with a `Row` result GRDB's blocking `read`
        // would be chosen, and a full reader pool would then block a
        // cooperative thread (every connection stalls when all are blocked).
        let found: (exists: Bool, data: Data?) = try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT data FROM bodies WHERE hash = ?", arguments: [hash]) else {
                return (false, nil)
            }
            return (true, row["data"])
        }
        guard found.exists else { return nil }
        if let data = found.data { return Array(data) }
        let files = bodyFiles
        return try await BlockingFileWork.run { try files.read(hash: hash) }
    }

    /// Keys (body hashes, mailbox ids) looked up by one `IN (...)`
    /// statement, well under SQLite's limit on bound parameters.
    static let keysPerStatement = 500

    public func contents(hashes: [String]) async throws -> [String: [UInt8]] {
        let wanted = Array(Set(hashes))
        guard !wanted.isEmpty else { return [:] }
        // One statement per chunk of hashes; rows name their hash by its
        // position in the chunk, and bodies are copied from SQLite's buffer
        // straight into the arrays returned. Large bodies, kept as files,
        // are read after the transaction.
        let found: (inline: [String: [UInt8]], files: [String]) = try await pool.read { db in
            var inline: [String: [UInt8]] = [:]
            var files: [String] = []
            inline.reserveCapacity(wanted.count)
            for start in stride(from: 0, to: wanted.count, by: Self.keysPerStatement) {
                let chunk = wanted[start..<min(wanted.count, start + Self.keysPerStatement)]
                let statement = chunk.count == Self.keysPerStatement
                    ? try db.cachedStatement(sql: Self.fullChunkSQL) : try db.makeStatement(sql: Self.bodiesByPosition(chunk.count))
                let rows = try Row.fetchCursor(statement, arguments: StatementArguments(chunk))
                while let row = try rows.next() {
                    let hash = chunk[start + row[0]]
                    if let data = try row.withUnsafeData(atIndex: 1, { $0.map(Array.init) }) {
                        inline[hash] = data
                    } else {
                        files.append(hash)
                    }
                }
            }
            return (inline, files)
        }
        var contents = found.inline
        guard !found.files.isEmpty else { return contents }
        let files = bodyFiles
        let read = try await BlockingFileWork.run { try found.files.map { (hash: $0, octets: try files.read(hash: $0)) } }
        for file in read { contents[file.hash] = file.octets }
        return contents
    }

    static let fullChunkSQL = bodiesByPosition(keysPerStatement)

    /// The bodies of `count` hashes bound in order, each row with the
    /// position of its hash (rows of unknown hashes are left out).
    static func bodiesByPosition(_ count: Int) -> String {
        let positions = (0..<count).map { "(\($0),?)" }.joined(separator: ",")
        return "WITH wanted(position, hash) AS (VALUES \(positions)) SELECT wanted.position, bodies.data FROM wanted JOIN bodies ON bodies.hash = wanted.hash"
    }

    public func setFlags(mailboxID: Int64, uid: Int64, flags: [String]) async throws -> Bool {
        let text = flags.joined(separator: " ")
        return try await writer.write { db in
            guard let modseq = try Int64.fetchOne(db, sql: """
                UPDATE mailboxes SET highest_modseq = highest_modseq + 1 WHERE id = ? RETURNING highest_modseq
                """, arguments: [mailboxID]) else { return false }
            try db.execute(sql: "UPDATE messages SET flags = ?, modseq = ? WHERE mailbox_id = ? AND uid = ?",
                           arguments: [text, modseq, mailboxID, uid])
            return db.changesCount > 0
        }
    }

    public func metadata(hash: String) async throws -> MessageMetadata? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM bodies WHERE hash = ?", arguments: [hash]).map {
                MessageMetadata(subject: $0["subject"], from: $0["from_field"], to: $0["to_field"], cc: $0["cc_field"],
                                messageID: $0["message_id"], inReplyTo: $0["in_reply_to"], references: $0["refs"],
                                date: $0["date"], mimeStructure: $0["mime_structure"])
            }
        }
    }

    public func queueEntries() async throws -> [QueueEntryRecord] {
        try await pool.read { db in
            let recipients = try Row.fetchAll(db, sql: "SELECT queue_id, recipient, status, last_reason FROM queue_recipients ORDER BY rowid")
            var byID: [String: [QueueEntryRecord.Recipient]] = [:]
            for r in recipients {
                byID[r["queue_id"], default: []].append(.init(address: r["recipient"], status: r["status"], reason: r["last_reason"]))
            }
            return try Row.fetchAll(db, sql: "SELECT queue_id, sender, arrival, size FROM queue ORDER BY arrival, queue_id").map {
                let id: String = $0["queue_id"]
                return QueueEntryRecord(queueID: id, sender: $0["sender"], arrival: $0["arrival"], size: $0["size"],
                                        recipients: byID[id] ?? [])
            }
        }
    }

    public func dueQueueRecipients(now: Int64, limit: Int) async throws -> [QueuedDelivery] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT q.queue_id, q.sender, q.arrival, q.body_hash, q.size, q.envelope_id, q.dsn_return,
                       r.recipient, r.original_recipient, r.notify, r.attempts, r.delay_warned
                FROM queue_recipients r JOIN queue q ON q.queue_id = r.queue_id
                WHERE r.status = 'deferred' AND r.next_attempt <= ?
                ORDER BY r.next_attempt, q.arrival LIMIT ?
                """, arguments: [now, limit]).map {
                QueuedDelivery(queueID: $0["queue_id"], sender: $0["sender"], arrival: $0["arrival"], bodyHash: $0["body_hash"],
                               size: $0["size"], envelopeID: $0["envelope_id"], dsnReturn: $0["dsn_return"],
                               recipient: $0["recipient"], originalRecipient: $0["original_recipient"], notify: $0["notify"],
                               attempts: $0["attempts"], delayWarned: $0["delay_warned"])
            }
        }
    }

    public func claimDueQueueRecipients(now: Int64, limit: Int) async throws -> [QueuedDelivery] {
        try await writer.write { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT q.queue_id, q.sender, q.arrival, q.body_hash, q.size, q.envelope_id, q.dsn_return,
                       r.recipient, r.original_recipient, r.notify, r.attempts, r.delay_warned
                FROM queue_recipients r JOIN queue q ON q.queue_id = r.queue_id
                WHERE r.status = 'deferred' AND r.next_attempt <= ?
                ORDER BY r.next_attempt, q.arrival LIMIT ?
                """, arguments: [now, limit])
            let claim = try db.cachedStatement(sql: "UPDATE queue_recipients SET status = 'active' WHERE queue_id = ? AND recipient = ?")
            return try rows.map { row in
                try claim.execute(arguments: [row["queue_id"], row["recipient"]])
                return QueuedDelivery(queueID: row["queue_id"], sender: row["sender"], arrival: row["arrival"], bodyHash: row["body_hash"],
                                      size: row["size"], envelopeID: row["envelope_id"], dsnReturn: row["dsn_return"],
                                      recipient: row["recipient"], originalRecipient: row["original_recipient"], notify: row["notify"],
                                      attempts: row["attempts"], delayWarned: row["delay_warned"])
            }
        }
    }

    public func releaseClaimedQueueRecipients() async throws {
        try await writer.write { db in
            try db.execute(sql: "UPDATE queue_recipients SET status = 'deferred' WHERE status = 'active'")
        }
    }

    public func completeQueueRecipient(queueID: String, recipient: String) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM queue_recipients WHERE queue_id = ? AND recipient = ?", arguments: [queueID, recipient])
            try db.execute(sql: """
                DELETE FROM queue WHERE queue_id = ? AND NOT EXISTS (SELECT 1 FROM queue_recipients WHERE queue_id = ?)
                """, arguments: [queueID, queueID])
        }
    }

    public func completeQueueRecipients(queueID: String, recipients: [String]) async throws {
        guard !recipients.isEmpty else { return }
        try await writer.write { db in
            let delete = try db.cachedStatement(sql: "DELETE FROM queue_recipients WHERE queue_id = ? AND recipient = ?")
            for recipient in recipients { try delete.execute(arguments: [queueID, recipient]) }
            try db.execute(sql: """
                DELETE FROM queue WHERE queue_id = ? AND NOT EXISTS (SELECT 1 FROM queue_recipients WHERE queue_id = ?)
                """, arguments: [queueID, queueID])
        }
    }

    public func markDelayWarned(queueID: String, recipient: String) async throws {
        try await writer.write { db in
            try db.execute(sql: "UPDATE queue_recipients SET delay_warned = 1 WHERE queue_id = ? AND recipient = ?",
                           arguments: [queueID, recipient])
        }
    }

    public func deferQueueRecipient(queueID: String, recipient: String, reason: String, nextAttempt: Int64) async throws {
        try await writer.write { db in
            try db.execute(sql: """
                UPDATE queue_recipients SET attempts = attempts + 1, last_reason = ?, next_attempt = ?,
                       status = CASE status WHEN 'active' THEN 'deferred' ELSE status END
                WHERE queue_id = ? AND recipient = ?
                """, arguments: [reason, nextAttempt, queueID, recipient])
        }
    }

    public func makeQueueDue() async throws {
        try await writer.write { db in
            try db.execute(sql: "UPDATE queue_recipients SET next_attempt = 0 WHERE status = 'deferred'")
        }
    }

    public func setQueueHold(_ queueIDs: [String]?, hold: Bool) async throws -> Int {
        let (from, to) = hold ? ("deferred", "hold") : ("hold", "deferred")
        return try await changeQueue(queueIDs, sql: "UPDATE queue_recipients SET status = '\(to)', next_attempt = 0 WHERE status = '\(from)'")
    }

    public func requeue(_ queueIDs: [String]?) async throws -> Int {
        try await changeQueue(queueIDs, sql: "UPDATE queue_recipients SET next_attempt = 0 WHERE status = 'deferred'")
    }

    /// Runs `sql` (an UPDATE of queue_recipients) for all messages or the given ones;
    /// returns how many messages had recipients changed.
    private func changeQueue(_ queueIDs: [String]?, sql: String) async throws -> Int {
        try await writer.write { db in
            guard let queueIDs else {
                let ids = try String.fetchAll(db, sql: "SELECT DISTINCT queue_id FROM queue_recipients")
                try db.execute(sql: sql)
                return ids.count
            }
            var changed = 0
            for id in queueIDs {
                try db.execute(sql: sql + " AND queue_id = ?", arguments: [id])
                if db.changesCount > 0 { changed += 1 }
            }
            return changed
        }
    }

    public func deleteQueueEntries(_ queueIDs: [String]?) async throws -> Int {
        try await writer.write { db in
            guard let queueIDs else {
                try db.execute(sql: "DELETE FROM queue")
                return db.changesCount
            }
            var removed = 0
            for id in queueIDs {
                try db.execute(sql: "DELETE FROM queue WHERE queue_id = ?", arguments: [id])
                removed += db.changesCount
            }
            return removed
        }
    }

    public func queuedRecipientCount() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM queue_recipients") ?? 0 }
    }
}
