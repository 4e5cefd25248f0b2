import Foundation
import GRDB

/// The indexed form of a Postfix-style lookup table (`hash:/etc/carrier/sasl_passwd`):
/// `carrier postmap FILE` builds `FILE.db` from the text file and the server reads it.
///
/// The file is an SQLite database with one table,
/// `map(key TEXT PRIMARY KEY, value TEXT NOT NULL)`, keys in lower case as postmap folds them.
/// It is only ever replaced whole (`build` renames a finished file into place), so a
/// reader that opened the old file keeps a consistent view until it opens the new one.
public struct IndexedLookupTable: Sendable {
    /// The path of the indexed file built from the text file at `source`: `source.db`.
    public static func path(forSource source: String) -> String {
        source + ".db"
    }

    /// The file this table reads.
    public let path: String
    let database: DatabaseQueue

    /// Opens the indexed file at `path` read-only.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        database = try DatabaseQueue(path: path, configuration: configuration)
        self.path = path
    }

    /// The value stored for `key`, compared in lower case; nil when the table has none.
    public func value(forKey key: String) async throws -> String? {
        let folded = key.lowercased()
        return try await database.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM map WHERE key = ?", arguments: [folded])
        }
    }

    /// Writes `entries` (keys already folded, each once) as the table at `path`,
    /// replacing any old one atomically: the new file is filled under a temporary name
    /// in the same directory with mode `permissions`, fsynced, renamed into place, and
    /// the directory fsynced.
    public static func build(entries: [(key: String, value: String)], at path: String, permissions: mode_t) throws {
        let temporary = "\(path).tmp-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try create(temporary, permissions: permissions)
            try fill(temporary, with: entries)
            try sync(temporary)
            guard rename(temporary, path) == 0 else { throw BodyFileStore.posixError("rename \(temporary) to \(path)") }
        } catch {
            unlink(temporary)
            unlink(temporary + "-journal")
            throw error
        }
        let directory = (path as NSString).deletingLastPathComponent
        try BodyFileStore.syncDirectory(directory.isEmpty ? "." : directory)
    }

    /// Creates an empty file (an empty SQLite database) with exactly `permissions`, umask aside.
    private static func create(_ path: String, permissions: mode_t) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw BodyFileStore.posixError("create \(path)") }
        defer { close(descriptor) }
        guard fchmod(descriptor, permissions) == 0 else { throw BodyFileStore.posixError("chmod \(path)") }
    }

    private static func fill(_ path: String, with entries: [(key: String, value: String)]) throws {
        let database = try DatabaseQueue(path: path)
        try database.write { db in
            try db.execute(sql: "CREATE TABLE map (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            let insert = try db.makeStatement(sql: "INSERT INTO map (key, value) VALUES (?, ?)")
            for entry in entries {
                try insert.execute(arguments: [entry.key, entry.value])
            }
        }
        try database.close()
    }

    private static func sync(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw BodyFileStore.posixError("open \(path)") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw BodyFileStore.posixError("fsync \(path)") }
    }
}

extension IndexedLookupTable {
    /// Every key and value, for tables small enough to keep in memory (`transport_maps`).
    public func allEntries() throws -> [String: String] {
        try database.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM map")
            return Dictionary(rows.map { ($0["key"] as String, $0["value"] as String) }, uniquingKeysWith: { first, _ in first })
        }
    }
}
