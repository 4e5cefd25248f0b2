/// One alias from an aliases(5) file: `name: target, target, ...`.
public struct AliasEntry: Sendable, Equatable {
    /// The local part being aliased, in lower case.
    public var name: String
    /// Where mail for `name` goes, in the order written.
    public var targets: [AliasTarget]
    /// The line the alias starts on.
    public var line: Int

    /// Creates an entry.
    public init(name: String, targets: [AliasTarget], line: Int) {
        self.name = name
        self.targets = targets
        self.line = line
    }
}
