import ArgumentParser
import CarrierConfig
import CarrierStore
import Foundation

/// `carrier postmap [-q KEY] FILE`: builds or queries the indexed form of a lookup table.
struct PostmapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postmap",
        abstract: "Build the indexed form FILE.db of a lookup table, or query it (like postmap).",
        discussion: """
            FILE holds "key value" lines (# comments, continuation lines starting with white
            space); keys are folded to lower case and the first of duplicate keys wins.
            FILE.db gets the text file's read permissions, never more than 0644.
            """)

    /// Table types whose indexed form is `FILE.db`.
    static let indexedTypes: Set<String> = ["hash", "lmdb"]

    @OptionGroup var global: GlobalOptions

    @Option(name: .customShort("q"), help: ArgumentHelp("Print KEY's value from FILE.db; exit 1 when absent.", valueName: "key"))
    var query: String?

    @Argument(help: ArgumentHelp("The table's text file, optionally as hash:FILE or lmdb:FILE.", valueName: "file"))
    var table: String

    func run() async throws {
        let source = try Self.sourcePath(of: table)
        if let query {
            guard let value = try await Self.lookUp(query, source: source) else { throw ExitCode(ExitStatus.failure) }
            print(value)
        } else {
            try Self.build(source: source)
        }
    }

    /// The text file a table argument names: `FILE`, `hash:FILE` or `lmdb:FILE`.
    static func sourcePath(of argument: String) throws(CommandFailure) -> String {
        guard let reference = LookupTableReference(argument) else { return argument }
        guard indexedTypes.contains(reference.type) else {
            throw .usage("unsupported table type \"\(reference.type)\": postmap builds hash: and lmdb: tables")
        }
        return reference.path
    }

    /// Validates the text file at `source` and writes `source.db`.
    static func build(source: String) throws(CommandFailure) {
        let text: String
        do {
            text = try ConfigFileReader.contents(of: source)
        } catch {
            throw .noInput("\(error)")
        }
        let file: LookupTableFile
        do {
            file = try LookupTableFileParser.parse(text: text, path: source)
        } catch {
            throw .data(error)
        }
        for warning in file.warnings {
            Diagnostics.warning("\(warning.location): \(warning.message)")
        }
        let path = IndexedLookupTable.path(forSource: source)
        do {
            try IndexedLookupTable.build(
                entries: file.entries.map { (key: $0.key, value: $0.value) }, at: path,
                permissions: permissions(derivedFrom: source))
        } catch {
            throw .cannotCreate("cannot write \(path): \(error)")
        }
    }

    /// The value of `key` in `source.db`, or nil.
    static func lookUp(_ key: String, source: String) async throws(CommandFailure) -> String? {
        let path = IndexedLookupTable.path(forSource: source)
        guard FileManager.default.fileExists(atPath: path) else {
            throw .noInput("\(path): no such file; build it with carrier postmap \(source)")
        }
        do {
            return try await IndexedLookupTable(path: path).value(forKey: key)
        } catch {
            throw .noInput("cannot read \(path): \(error)")
        }
    }

    /// Read and write for the owner, read for group and others only where the source
    /// grants it, as postmap does: a private password table stays private.
    private static func permissions(derivedFrom source: String) -> mode_t {
        let attributes = try? FileManager.default.attributesOfItem(atPath: source)
        let sourceMode = attributes?[.posixPermissions] as? Int ?? 0
        return mode_t(0o600 | (sourceMode & 0o044))
    }
}
