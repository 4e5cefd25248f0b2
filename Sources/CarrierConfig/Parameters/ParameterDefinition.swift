/// A parameter Carrier knows: its name, default, syntax and a one-line description.
public struct ParameterDefinition: Sendable, Equatable {
    /// The name as written in main.cf.
    public var name: String
    /// The default as Postfix-style text; it may contain `$name` references.
    /// For a derived default, what it computes to with the other parameter's default.
    public var defaultValue: String
    /// The syntax of the expanded value.
    public var kind: ParameterKind
    /// One line saying what the parameter does.
    public var summary: String
    /// When set, the default follows another parameter's configured value.
    public var derivation: ParameterDerivation?

    /// Creates a definition.
    public init(
        _ name: String, _ defaultValue: String, _ kind: ParameterKind, _ summary: String,
        derivation: ParameterDerivation? = nil
    ) {
        self.name = name
        self.defaultValue = defaultValue
        self.kind = kind
        self.summary = summary
        self.derivation = derivation
    }
}
