import Foundation
import GRDB
import MailCore

/// What FETCH reads of stored bodies: their MIME skeletons, and ranges of
/// their octets, never more of a body than asked for; a body file is read
/// at the range's offset.
extension SQLiteMailStore {
    public func mimeSkeletons(hashes: [String]) async throws -> [String: MIMESkeleton] {
        let unique = Array(Set(hashes))
        guard !unique.isEmpty else { return [:] }
        let rows: [(hash: String, size: Int, skeleton: Data?)] = try await pool.read { db in
            let select = try db.cachedStatement(sql: "SELECT size, skeleton FROM bodies WHERE hash = ?")
            var rows: [(hash: String, size: Int, skeleton: Data?)] = []
            for hash in unique {
                guard let row = try Row.fetchOne(select, arguments: [hash]) else { continue }
                rows.append((hash, row["size"], row["skeleton"]))
            }
            return rows
        }
        var skeletons: [String: MIMESkeleton] = [:]
        var made: [(hash: String, skeleton: Data)] = []
        for row in rows {
            if let stored = row.skeleton.flatMap({ MIMESkeleton(encoded: Array($0)) }), stored.bodyRange.upperBound == row.size {
                skeletons[row.hash] = stored
            } else if let content = try? await content(hash: row.hash) {
                let skeleton = MIMESkeleton(MIMEPart.parse(content))
                skeletons[row.hash] = skeleton
                made.append((row.hash, Data(skeleton.encoded())))
            }
        }
        if !made.isEmpty { await saveSkeletons(made) }
        return skeletons
    }

    public func bodyOctets(_ ranges: [BodyRange]) async throws -> [[UInt8]?] {
        guard !ranges.isEmpty else { return [] }
        // SQLite's substr() counts octets of a BLOB from 1; `data` is NULL for a body kept in a file.
        let found: [(octets: Data?, inFile: Bool)?] = try await pool.read { db in
            let select = try db.cachedStatement(sql: "SELECT substr(data, ?, ?) AS octets, data IS NULL AS in_file FROM bodies WHERE hash = ?")
            return try ranges.map { wanted in
                let row = try Row.fetchOne(select, arguments: [wanted.range.lowerBound + 1, wanted.range.count, wanted.hash])
                return row.map { (octets: $0["octets"], inFile: $0["in_file"]) }
            }
        }
        var octets: [[UInt8]?] = found.map { row in row.map { $0.inFile ? [] : $0.octets.map(Array.init) ?? [] } }
        // Ranges of bodies kept as files are read together, off the cooperative threads.
        let fromFiles = ranges.indices.filter { found[$0]?.inFile == true && !ranges[$0].range.isEmpty }
        guard !fromFiles.isEmpty else { return octets }
        let files = bodyFiles
        let read = try await BlockingFileWork.run {
            try fromFiles.map { try files.reader(hash: ranges[$0].hash)?.readNow(ranges[$0].range) }
        }
        for (index, fileOctets) in zip(fromFiles, read) { octets[index] = fileOctets }
        return octets
    }

    public func openBody(hash: String) async throws -> (any StoredBodyReader)? {
        let found: (exists: Bool, data: Data?) = try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT data FROM bodies WHERE hash = ?", arguments: [hash]) else { return (false, nil) }
            return (true, row["data"])
        }
        guard found.exists else { return nil }
        if let data = found.data { return InlineBodyReader(octets: Array(data)) }
        return try bodyFiles.reader(hash: hash)
    }

    /// Writes skeletons made for bodies stored without a readable one. A
    /// failure costs only their being made again next time.
    private func saveSkeletons(_ made: [(hash: String, skeleton: Data)]) async {
        _ = try? await writer.write { db in
            let update = try db.cachedStatement(sql: "UPDATE bodies SET skeleton = ? WHERE hash = ?")
            for (hash, skeleton) in made { try update.execute(arguments: [skeleton, hash]) }
        }
    }
}
