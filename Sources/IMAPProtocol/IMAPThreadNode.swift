/// One thread of a THREAD response (RFC 5256 §4), shaped like its grammar:
/// a run of messages, each a reply to the one before (thread-members), then
/// the branches that follow the last one (thread-nested). A chain of
/// replies stays flat however long it is; only a branch nests.
public struct IMAPThreadNode: Sendable, Equatable {
    /// The run of messages; empty when the thread's first message is
    /// missing and only its branches are known.
    public var messages: [UInt32]
    /// The replies to the last message: none, or two or more (a single
    /// branch is written as a continuation of the run).
    public var branches: [IMAPThreadNode]

    public init(_ messages: [UInt32], _ branches: [IMAPThreadNode] = []) {
        self.messages = messages
        self.branches = branches
    }
}
