import CarrierConfig
import CarrierStore
import Foundation

/// `smtp_sasl_password_maps`: the `user:password` for a next hop, looked up
/// in the indexed tables `carrier postmap` builds, in Postfix's key order
/// (`[host]:port`, `[host]`, `host`). A table other users can read is
/// reported, since it holds passwords.
public struct SASLPasswordMap: Sendable {
    public let tables: [LookupTableReference]

    public init(tables: [LookupTableReference]) {
        self.tables = tables
    }

    /// The credentials for `hop`, or nil when no table has them.
    public func credentials(for hop: NextHop) async throws -> (username: String, password: String)? {
        for key in hop.passwordMapKeys {
            if let found = try await credentials(forKey: key) { return found }
        }
        return nil
    }

    /// The `user:password` stored under one key (a next hop, a sender or `@domain`).
    public func credentials(forKey key: String) async throws -> (username: String, password: String)? {
        for table in tables {
            let indexed = try IndexedLookupTable(path: IndexedLookupTable.path(forSource: table.path))
            guard let value = try await indexed.value(forKey: key), let colon = value.firstIndex(of: ":") else { continue }
            return (String(value[..<colon]), String(value[value.index(after: colon)...]))
        }
        return nil
    }

    /// Warnings for tables whose files other users can read.
    public func exposureWarnings() -> [String] {
        tables.flatMap { table -> [String] in
            [table.path, IndexedLookupTable.path(forSource: table.path)].compactMap { path in
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                      let mode = attributes[.posixPermissions] as? Int, mode & 0o004 != 0 else { return nil }
                return "\(path) is readable by other users but holds SASL passwords; chmod 600 it"
            }
        }
    }
}
