/// A parsed postmap(1) source file: its entries, duplicates removed, and the warnings.
public struct LookupTableFile: Sendable, Equatable {
    /// One entry per key, in file order; for a duplicated key the first one wins.
    public var entries: [LookupTableEntry]
    /// `duplicate entry` warnings for the later lines that were dropped.
    public var warnings: [ConfigWarning]

    /// Creates a parsed file.
    public init(entries: [LookupTableEntry], warnings: [ConfigWarning]) {
        self.entries = entries
        self.warnings = warnings
    }
}
