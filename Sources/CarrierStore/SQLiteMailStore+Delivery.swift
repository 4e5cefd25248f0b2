import Foundation
import GRDB
import MailCore

/// Delivery: the body, every local copy and the queue entries in one
/// transaction; a copy that would exceed `mailbox_size_limit` is queued
/// instead of stored.
extension SQLiteMailStore {
    public func deliver(_ batch: DeliveryBatch) async throws -> [LocalCopyOutcome] {
        let outcomes = try await withPreparedBodies([batch.content]) { bodies in try await self.deliver(batch, body: bodies[0]) }
        if outcomes.contains(where: { if case .stored = $0 { true } else { false } }) {
            for observer in deliveryObservers.withLockedValue({ $0 }) { observer() }
        }
        return outcomes
    }

    public func observeDeliveries(_ observer: @escaping @Sendable () -> Void) {
        deliveryObservers.withLockedValue { $0.append(observer) }
    }

    private func deliver(_ batch: DeliveryBatch, body: PreparedBody) async throws -> [LocalCopyOutcome] {
        let hash = body.hash
        let size = body.size
        return try await writer.write { db in
            try Self.insertBody(db, body, metadata: batch.metadata)
            var outcomes: [LocalCopyOutcome] = []
            var queued = batch.queued
            for copy in batch.localCopies {
                let outcome = try Self.insertCopy(db, copy, batch: batch, hash: hash, size: size)
                if outcome == .mailboxFull { queued.append(.init(address: copy.recipient, reason: batch.mailboxFullReason)) }
                outcomes.append(outcome)
            }
            if !queued.isEmpty { try Self.insertQueueEntry(db, batch: batch, queued: queued, hash: hash, size: size) }
            for key in batch.externalDeliveryKeys {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO external_deliveries (delivery_key, delivered_at) VALUES (?, ?)")
                    .execute(arguments: [key, batch.arrival])
            }
            return outcomes
        }
    }

    public func storageUsage(userID: Int64) async throws -> StorageUsage {
        try await pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS messages, COALESCE(SUM(m.size), 0) AS bytes
                FROM messages m JOIN mailboxes b ON b.id = m.mailbox_id WHERE b.user_id = ?
                """, arguments: [userID])
            return StorageUsage(messages: row?["messages"] ?? 0, bytes: row?["bytes"] ?? 0)
        }
    }

    public func recordedExternalDeliveries(_ keys: [String]) async throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        return try await pool.read { db in
            var found: Set<String> = []
            for key in keys where try Int.fetchOne(db, sql: "SELECT 1 FROM external_deliveries WHERE delivery_key = ?", arguments: [key]) != nil {
                found.insert(key)
            }
            return found
        }
    }

    /// Makes a body ready for `insertBody`: hashed, its MIME skeleton made,
    /// and, when it is too large for the database, written to its file.
    /// Prepares bodies (writing the files of large ones) and runs `store`,
    /// the transaction that names them, while they count as in flight: body
    /// collection cannot remove a file between its write (or the finding
    /// that it is already there) and the commit.
    func withPreparedBodies<T: Sendable>(_ contents: [[UInt8]], _ store: ([PreparedBody]) async throws -> T) async throws -> T {
        let hashes = contents.map(Self.contentHash)
        bodyWrites.enter(hashes)
        defer { bodyWrites.leave(hashes) }
        var bodies: [PreparedBody] = []
        for (content, hash) in zip(contents, hashes) {
            // A body kept as a file is written and fsynced off the cooperative threads.
            bodies.append(content.count > Self.inlineBodyLimit
                ? try await BlockingFileWork.run { try self.prepareBody(content, hash: hash) }
                : try prepareBody(content, hash: hash))
        }
        return try await store(bodies)
    }

    private func prepareBody(_ content: [UInt8], hash: String) throws -> PreparedBody {
        let skeleton = Data(MIMESkeleton(MIMEPart.parse(content)).encoded())
        guard content.count > Self.inlineBodyLimit else {
            return PreparedBody(hash: hash, size: content.count, data: Data(content), path: nil, skeleton: skeleton)
        }
        try bodyFiles.write(content, hash: hash)
        return PreparedBody(hash: hash, size: content.count, data: nil, path: bodyFiles.path(for: hash), skeleton: skeleton)
    }

    /// Stores the body once per hash; a body stored before skeletons
    /// existed gets this one.
    static func insertBody(_ db: Database, _ body: PreparedBody, metadata m: MessageMetadata) throws {
        try db.cachedStatement(sql: """
            INSERT INTO bodies (hash, size, data, path, subject, from_field, to_field, cc_field,
                                message_id, in_reply_to, refs, date, mime_structure, skeleton)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (hash) DO UPDATE SET skeleton = excluded.skeleton WHERE bodies.skeleton IS NULL
            """).execute(arguments: [body.hash, body.size, body.data, body.path, m.subject, m.from, m.to, m.cc,
                                     m.messageID, m.inReplyTo, m.references, m.date, m.mimeStructure, body.skeleton])
    }

    static func insertCopy(_ db: Database, _ copy: DeliveryBatch.LocalCopy, batch: DeliveryBatch, hash: String, size: Int) throws -> LocalCopyOutcome {
        let key = "\(batch.queueID)\u{1}\(copy.recipient.lowercased())\u{1}\(copy.userID)\u{1}\(copy.mailbox)"
        if try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM messages WHERE delivery_key = ?"), arguments: [key]) != nil {
            return .alreadyDelivered
        }
        if batch.mailboxSizeLimit > 0, try storageUsed(db, userID: copy.userID) + Int64(size) > Int64(batch.mailboxSizeLimit) {
            return .mailboxFull
        }
        let mailboxID = try mailboxID(db, userID: copy.userID, name: copy.mailbox, now: batch.arrival)
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            UPDATE mailboxes SET uid_next = uid_next + 1, highest_modseq = highest_modseq + 1 WHERE id = ?
            RETURNING uid_next - 1 AS uid, highest_modseq AS modseq
            """), arguments: [mailboxID]) else { throw MailStoreError.noSuchMailbox(copy.mailbox) }
        let uid: Int64 = row["uid"]
        let modseq: Int64 = row["modseq"]
        try db.cachedStatement(sql: """
            INSERT INTO messages (mailbox_id, uid, modseq, flags, internal_date, size, body_hash, queue_id, delivery_key)
            VALUES (?, ?, ?, '', ?, ?, ?, ?, ?)
            """).execute(arguments: [mailboxID, uid, modseq, batch.arrival, size, hash, batch.queueID, key])
        return .stored(uid: uid)
    }

    /// The mailbox's id; INBOX is created when missing (a user always has one).
    static func mailboxID(_ db: Database, userID: Int64, name: String, now: Int64) throws -> Int64 {
        let lookup = try db.cachedStatement(sql: "SELECT id FROM mailboxes WHERE user_id = ? AND name = ?")
        if let id = try Int64.fetchOne(lookup, arguments: [userID, name]) {
            return id
        }
        guard name == "INBOX",
              try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM users WHERE id = ?"), arguments: [userID]) != nil else {
            throw MailStoreError.noSuchMailbox(name)
        }
        try db.cachedStatement(sql: "INSERT INTO mailboxes (user_id, name, uid_validity) VALUES (?, 'INBOX', ?)")
            .execute(arguments: [userID, now])
        return db.lastInsertedRowID
    }

    /// Octets of all the user's messages.
    static func storageUsed(_ db: Database, userID: Int64) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT COALESCE(SUM(m.size), 0) FROM messages m JOIN mailboxes b ON b.id = m.mailbox_id WHERE b.user_id = ?
            """), arguments: [userID]) ?? 0
    }

    static func insertQueueEntry(_ db: Database, batch: DeliveryBatch, queued: [DeliveryBatch.QueuedRecipient], hash: String, size: Int) throws {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO queue (queue_id, sender, arrival, body_hash, size, envelope_id, dsn_return)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [batch.queueID, batch.sender, batch.arrival, hash, size, batch.envelopeID, batch.dsnReturn])
        for r in queued {
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO queue_recipients (queue_id, recipient, original_recipient, notify, status, next_attempt, last_reason)
                VALUES (?, ?, ?, ?, 'deferred', ?, ?)
                """).execute(arguments: [batch.queueID, r.address, r.originalRecipient, r.notify, batch.arrival, r.reason])
        }
    }
}
