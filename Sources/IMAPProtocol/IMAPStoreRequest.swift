/// What STORE does to the flags of the messages (RFC 9051 §6.4.6, RFC 7162
/// §3.1.3).
public struct IMAPStoreRequest: Sendable, Equatable {
    /// Replace, add or remove the flags.
    public enum Operation: Sendable, Equatable {
        /// `FLAGS`: replace.
        case replace
        /// `+FLAGS`: add.
        case add
        /// `-FLAGS`: remove.
        case remove
    }

    public var operation: Operation
    /// `.SILENT`: no untagged FETCH with the new flags.
    public var silent: Bool
    public var flags: [IMAPFlag]
    /// `(UNCHANGEDSINCE n)` (RFC 7162 §3.1.3).
    public var unchangedSince: UInt64?

    public init(operation: Operation, silent: Bool = false, flags: [IMAPFlag], unchangedSince: UInt64? = nil) {
        self.operation = operation
        self.silent = silent
        self.flags = flags
        self.unchangedSince = unchangedSince
    }
}
