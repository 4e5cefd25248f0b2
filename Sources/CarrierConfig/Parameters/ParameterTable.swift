/// The parameters Carrier knows, by name.
///
/// `ParameterTable.standard` uses this host's name for `myhostname`; tests build
/// one with a fixed name through `init(hostname:)`.
public struct ParameterTable: Sendable, Equatable {
    /// Every known parameter, sorted by name, one per name.
    public let definitions: [ParameterDefinition]
    private let byName: [String: ParameterDefinition]

    /// A table of `definitions`; of two with the same name the later wins.
    public init(definitions: [ParameterDefinition]) {
        let byName = Dictionary(definitions.map { ($0.name, $0) }) { _, last in last }
        self.byName = byName
        self.definitions = byName.values.sorted { $0.name < $1.name }
    }

    /// Carrier's parameters, with `myhostname` defaulting to `HostName.qualified(hostname)`.
    public init(hostname: String) {
        self.init(definitions: Self.carrierDefinitions(hostname: hostname))
    }

    /// Carrier's parameters for the host this process runs on.
    public static let standard = ParameterTable(hostname: HostName.current())

    /// The definition named `name`, or nil for an unknown parameter.
    public subscript(name: String) -> ParameterDefinition? { byName[name] }
}
