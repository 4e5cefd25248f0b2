/// The text `carrier config` prints, in `postconf`'s `key = value` form, one line each.
public enum ConfigReport {
    /// Every parameter the file sets, sorted by name, value as written (`postconf -n`).
    public static func nonDefault(_ configuration: Configuration) -> String {
        lines(configuration.effectiveEntries.map { ($0.key, $0.value) })
    }

    /// `keys` in the given order with their expanded values (`postconf -x KEY...`).
    /// A key neither known nor set in the file is an error: `unknown parameter: X`.
    public static func values(_ configuration: Configuration, keys: [String]) throws -> String {
        let pairs = try keys.map { key in
            guard configuration.table[key] != nil || configuration.entry(for: key) != nil else {
                throw ConfigError(message: "unknown parameter: \(key)")
            }
            return (key, try configuration.expandedValue(key))
        }
        return lines(pairs, sorted: false)
    }

    /// Every known parameter with its unexpanded default, sorted by name (`postconf -d`).
    public static func defaults(_ table: ParameterTable = .standard) -> String {
        lines(table.definitions.map { ($0.name, $0.defaultValue) })
    }

    private static func lines(_ pairs: [(String, String)], sorted: Bool = true) -> String {
        let ordered = sorted ? pairs.sorted { $0.0 < $1.0 } : pairs
        return ordered.map { key, value in value.isEmpty ? "\(key) =\n" : "\(key) = \(value)\n" }.joined()
    }
}
