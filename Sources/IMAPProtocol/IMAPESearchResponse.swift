/// The ESEARCH response (RFC 4731 §3.2, RFC 9051 §7.3.4).
public struct IMAPESearchResponse: Sendable, Equatable {
    /// The tag of the command it answers (search-correlator).
    public var tag: String?
    /// Whether the numbers are UIDs.
    public var uid: Bool
    public var min: UInt32?
    public var max: UInt32?
    public var count: Int?
    /// `ALL set`; omitted when nil or empty (no matches).
    public var all: IMAPNumberSet?
    /// `MODSEQ n` after a CONDSTORE search (RFC 7162 §3.1.5).
    public var modSeq: UInt64?

    public init(tag: String?, uid: Bool, min: UInt32? = nil, max: UInt32? = nil, count: Int? = nil,
                all: IMAPNumberSet? = nil, modSeq: UInt64? = nil) {
        self.tag = tag
        self.uid = uid
        self.min = min
        self.max = max
        self.count = count
        self.all = all
        self.modSeq = modSeq
    }
}
