extension Configuration {
    /// Checks that every parameter expands and parses for its kind: the file's
    /// assignments in line order first, then the defaults. Throws the first problem.
    public func validate() throws {
        for entry in effectiveEntries {
            try check(entry.key)
        }
        for definition in table.definitions where entry(for: definition.name) == nil {
            try check(definition.name)
        }
    }

    private func check(_ key: String) throws {
        switch table[key]?.kind ?? .string {
        case .string, .list: _ = try expandedValue(key)
        case .integer: _ = try integer(key)
        case .size: _ = try size(key)
        case .boolean: _ = try bool(key)
        case .time: _ = try duration(key)
        case .listenAddresses: _ = try listenAddresses(key)
        case .networks: _ = try networks(key)
        case .lookupTables: _ = try lookupTables(key)
        }
    }
}
