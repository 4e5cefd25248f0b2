import Foundation
import GRDB

/// Collection of bodies no message and no queue entry names any more (after
/// expunges, deleted mailboxes and finished queue entries), and of body
/// files no row names (a delivery that failed after writing its file, for
/// instance on a full disk). Each file is removed inside the write
/// transaction that decides it is unreferenced, and never while a delivery
/// of the same body is in flight, so no committed message loses its body.
extension SQLiteMailStore {
    /// Bodies looked at per write transaction.
    static let collectionBatch = 500

    public func collectUnreferencedBodies() async throws -> CollectedBodies {
        var collected = CollectedBodies()
        var after = ""
        while true {
            let start = after
            let candidates: [String] = try await pool.read { db in
                try String.fetchAll(db, sql: """
                    SELECT hash FROM bodies
                    WHERE hash > ?
                      AND NOT EXISTS (SELECT 1 FROM messages WHERE body_hash = bodies.hash)
                      AND NOT EXISTS (SELECT 1 FROM queue WHERE body_hash = bodies.hash)
                    ORDER BY hash LIMIT ?
                    """, arguments: [start, Self.collectionBatch])
            }
            guard let last = candidates.last else { return collected }
            after = last
            let inFlight = bodyWrites
            let files = bodyFiles
            let batch: CollectedBodies = try await writer.write { db in
                var batch = CollectedBodies()
                let delete = try db.cachedStatement(sql: """
                    DELETE FROM bodies WHERE hash = ?
                      AND NOT EXISTS (SELECT 1 FROM messages WHERE body_hash = bodies.hash)
                      AND NOT EXISTS (SELECT 1 FROM queue WHERE body_hash = bodies.hash)
                    RETURNING size, path
                    """)
                for hash in candidates {
                    guard let row = try Row.fetchOne(delete, arguments: [hash]) else { continue }
                    batch.bodies += 1
                    batch.bytes += row["size"] as Int64
                    if row["path"] as String? != nil {
                        _ = inFlight.unlessInFlight(hash) { files.remove(hash: hash) }
                    }
                }
                return batch
            }
            collected.bodies += batch.bodies
            collected.bytes += batch.bytes
        }
    }

    /// Removes files in the body directory that no row names and that no
    /// delivery is writing: leftovers of deliveries that failed after the
    /// file was written, and temporary files older than `olderThan` seconds.
    public func collectOrphanBodyFiles(olderThan age: TimeInterval = 3600) async throws -> CollectedBodies {
        let found = bodyFiles.storedFiles(olderThan: age)
        var collected = CollectedBodies()
        let inFlight = bodyWrites
        for start in stride(from: 0, to: found.count, by: Self.collectionBatch) {
            let batch = Array(found[start..<min(found.count, start + Self.collectionBatch)])
            let removed: CollectedBodies = try await writer.write { db in
                var removed = CollectedBodies()
                let named = try db.cachedStatement(sql: "SELECT 1 FROM bodies WHERE hash = ? AND path IS NOT NULL")
                for file in batch {
                    if !file.isTemporary, try Bool.fetchOne(named, arguments: [file.hash]) != nil { continue }
                    if inFlight.unlessInFlight(file.hash, { unlink(file.path) }) {
                        removed.bodies += 1
                        removed.bytes += file.size
                    }
                }
                return removed
            }
            collected.bodies += removed.bodies
            collected.bytes += removed.bytes
        }
        return collected
    }
}

/// What one collection removed.
public struct CollectedBodies: Equatable, Sendable {
    public var bodies = 0
    public var bytes: Int64 = 0

    public init(bodies: Int = 0, bytes: Int64 = 0) {
        self.bodies = bodies
        self.bytes = bytes
    }
}
