/// Bounds on the structures a single command may build, beyond the size
/// bounds of `IMAPFramerLimits`, so parsing stays shallow and linear.
public struct IMAPParserLimits: Sendable, Equatable {
    /// Nesting of parentheses, NOT and OR in search keys.
    public var maxSearchDepth: Int
    /// Search keys in one command, nested ones included.
    public var maxSearchKeys: Int
    /// Ranges in one sequence set.
    public var maxSequenceRanges: Int
    /// Items of any other parenthesised list (flags, fetch items, ...).
    public var maxListItems: Int

    public init(maxSearchDepth: Int = 64, maxSearchKeys: Int = 1_000, maxSequenceRanges: Int = 16_384,
                maxListItems: Int = 1_000) {
        self.maxSearchDepth = maxSearchDepth
        self.maxSearchKeys = maxSearchKeys
        self.maxSequenceRanges = maxSequenceRanges
        self.maxListItems = maxListItems
    }
}
