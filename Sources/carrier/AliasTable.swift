import CarrierConfig
import CarrierStore
import Foundation

/// The aliases `carrier newaliases` stores: every alias in the text files behind
/// `alias_maps`, in order, the first of each name kept (as `postalias` does).
struct AliasTable {
    /// Table types whose reference names the aliases(5) text file itself.
    static let textFileTypes: Set<String> = ["hash", "lmdb", "texthash"]

    /// The aliases to store, in file order.
    private(set) var aliases: [AliasRecord] = []
    /// Problems worked around (duplicate names, missing files), for `carrier: warning: `.
    private(set) var warnings: [String] = []

    /// Reads each of `tables`. A missing file counts as empty, with a warning; an
    /// unsupported table type is a configuration error at `location` (the `alias_maps`
    /// line), an unreadable or malformed file an input error.
    init(tables: [LookupTableReference], location: ConfigLocation?) throws(CommandFailure) {
        var seen: Set<String> = []
        for table in tables {
            guard Self.textFileTypes.contains(table.type) else {
                throw .configuration(ConfigError(
                    location: location,
                    message: "alias_maps: unsupported table type in \(table): newaliases reads hash:, lmdb: and texthash: files"))
            }
            for entry in try Self.entries(in: table.path, warnings: &warnings) {
                guard seen.insert(entry.name).inserted else {
                    warnings.append("\(table.path):\(entry.line): duplicate alias \"\(entry.name)\"")
                    continue
                }
                aliases.append(AliasRecord(name: entry.name, targets: entry.targets.map(\.storedText)))
            }
        }
    }

    private static func entries(in path: String, warnings: inout [String]) throws(CommandFailure) -> [AliasEntry] {
        guard FileManager.default.fileExists(atPath: path) else {
            warnings.append("\(path): no such file; taking its aliases as empty")
            return []
        }
        let text: String
        do {
            text = try ConfigFileReader.contents(of: path)
        } catch {
            throw .noInput("\(error)")
        }
        do {
            return try AliasFileParser.parse(text: text, path: path)
        } catch {
            throw .data(error)
        }
    }
}
