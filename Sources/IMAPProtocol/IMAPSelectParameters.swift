/// The optional parameters of SELECT and EXAMINE (RFC 4466 §2.2).
public struct IMAPSelectParameters: Sendable, Equatable {
    /// `(CONDSTORE)`: enable CONDSTORE with this command (RFC 7162 §3.1.8).
    public var condStore: Bool
    /// `(QRESYNC (...))` (RFC 7162 §3.2.5).
    public var qresync: IMAPQResyncParameters?

    public init(condStore: Bool = false, qresync: IMAPQResyncParameters? = nil) {
        self.condStore = condStore
        self.qresync = qresync
    }
}

/// What a QRESYNC client remembers of a mailbox (RFC 7162 §3.2.5):
/// `(uidvalidity modseq [known-uids [(known-seqs known-uids)]])`.
public struct IMAPQResyncParameters: Sendable, Equatable {
    public var uidValidity: UInt32
    public var modSeq: UInt64
    public var knownUIDs: IMAPSequenceSet?
    /// Message numbers paired with `knownSequenceUIDs`, in ascending order.
    public var knownSequenceNumbers: IMAPSequenceSet?
    public var knownSequenceUIDs: IMAPSequenceSet?

    public init(
        uidValidity: UInt32, modSeq: UInt64, knownUIDs: IMAPSequenceSet? = nil,
        knownSequenceNumbers: IMAPSequenceSet? = nil, knownSequenceUIDs: IMAPSequenceSet? = nil
    ) {
        self.uidValidity = uidValidity
        self.modSeq = modSeq
        self.knownUIDs = knownUIDs
        self.knownSequenceNumbers = knownSequenceNumbers
        self.knownSequenceUIDs = knownSequenceUIDs
    }
}
