/// A parsed main.cf over Carrier's parameter table: the assignments as written,
/// the warnings they raised, and expanded, typed look-ups of any parameter.
///
/// Values are expanded when they are asked for, so `mydestination = $myhostname`
/// follows whatever `myhostname` is set to anywhere in the file.
public struct Configuration: Sendable {
    /// The known parameters and their defaults.
    public let table: ParameterTable
    /// Every assignment in file order, overridden ones included.
    public let entries: [ConfigEntry]
    /// Warnings raised by the file, such as unused parameters, in file order.
    public let warnings: [ConfigWarning]
    private let assignments: [String: ConfigEntry]

    /// A configuration of `entries` (later assignments win) over `table`'s defaults.
    public init(entries: [ConfigEntry] = [], table: ParameterTable = .standard) {
        let assignments = Dictionary(entries.map { ($0.key, $0) }) { _, last in last }
        self.table = table
        self.entries = entries
        self.assignments = assignments
        self.warnings = Self.unusedParameterWarnings(entries: entries, assignments: assignments, table: table)
    }

    /// The assignment of `key` that wins (the last one), or nil when the file does not set it.
    public func entry(for key: String) -> ConfigEntry? {
        assignments[key]
    }

    /// The winning assignments, in the order of their lines.
    public var effectiveEntries: [ConfigEntry] {
        entries.filter { assignments[$0.key]?.location == $0.location }
    }

    /// Unknown parameters that no value refers to with `$name` (like `postconf`'s check).
    private static func unusedParameterWarnings(
        entries: [ConfigEntry], assignments: [String: ConfigEntry], table: ParameterTable
    ) -> [ConfigWarning] {
        let values = assignments.values.map(\.value) + table.definitions.map(\.defaultValue)
        let referenced = Set(values.flatMap(ExpansionToken.references))
        return entries.compactMap { entry in
            guard table[entry.key] == nil, !referenced.contains(entry.key),
                  assignments[entry.key]?.location == entry.location
            else { return nil }
            return ConfigWarning(location: entry.location, message: "unused parameter: \(entry.key)=\(entry.value)")
        }
    }
}
