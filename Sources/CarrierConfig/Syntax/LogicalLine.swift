/// One logical line of a Postfix-style text file: physical lines joined by their continuations.
struct LogicalLine: Equatable {
    /// The text, trimmed at both ends, continuations joined with one space.
    var text: String
    /// The number of the physical line the logical line starts on.
    var line: Int
}
