import ArgumentParser

/// `carrier newaliases`: loads the alias files named by `alias_maps` into the store.
struct NewAliasesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newaliases",
        abstract: "Rebuild the alias table from the alias_maps files.",
        discussion: """
            Reads the aliases(5) text file behind each hash:, lmdb: or texthash: entry of
            alias_maps and replaces the store's aliases with them; for a name given twice
            the first wins.
            """)

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let loaded = try LoadedConfiguration.load(global)
        let table = try AliasTable(
            tables: loaded.settings.aliasMaps, location: loaded.configuration.entry(for: "alias_maps")?.location)
        table.warnings.forEach(Diagnostics.warning)
        let store = try StoreAccess(settings: loaded.settings)
        try await store.perform { try await $0.replaceAliases(table.aliases) }
        print("carrier: newaliases: \(table.aliases.count) aliases")
    }
}
