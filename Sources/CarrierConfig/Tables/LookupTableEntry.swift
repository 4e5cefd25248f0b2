/// One `key value` line of a postmap(1) source file.
public struct LookupTableEntry: Sendable, Equatable {
    /// The lookup key, folded to lower case (postmap's default).
    public var key: String
    /// Everything after the key's white space, continuations joined with one space.
    public var value: String
    /// The line the entry starts on.
    public var line: Int

    /// Creates an entry.
    public init(key: String, value: String, line: Int) {
        self.key = key
        self.value = value
        self.line = line
    }
}
