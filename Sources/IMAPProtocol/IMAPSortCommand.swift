/// A SORT command (RFC 5256 §3).
public struct IMAPSortCommand: Sendable, Equatable {
    public var criteria: [IMAPSortCriterion]
    /// The charset, uppercased; SORT requires one.
    public var charset: String
    public var keys: [IMAPSearchKey]

    public init(criteria: [IMAPSortCriterion], charset: String, keys: [IMAPSearchKey]) {
        self.criteria = criteria
        self.charset = charset
        self.keys = keys
    }
}

/// One sort criterion: a key, possibly reversed.
public struct IMAPSortCriterion: Sendable, Equatable {
    public var key: IMAPSortKey
    public var reversed: Bool

    public init(_ key: IMAPSortKey, reversed: Bool = false) {
        self.key = key
        self.reversed = reversed
    }
}

/// A sort key of RFC 5256 §3, and DISPLAYFROM / DISPLAYTO of RFC 5957.
public enum IMAPSortKey: String, Sendable, Equatable, CaseIterable {
    case arrival = "ARRIVAL"
    case cc = "CC"
    case date = "DATE"
    case from = "FROM"
    case size = "SIZE"
    case subject = "SUBJECT"
    case to = "TO"
    case displayFrom = "DISPLAYFROM"
    case displayTo = "DISPLAYTO"
}

/// A THREAD command (RFC 5256 §3).
public struct IMAPThreadCommand: Sendable, Equatable {
    public var algorithm: IMAPThreadAlgorithm
    /// The charset, uppercased.
    public var charset: String
    public var keys: [IMAPSearchKey]

    public init(algorithm: IMAPThreadAlgorithm, charset: String, keys: [IMAPSearchKey]) {
        self.algorithm = algorithm
        self.charset = charset
        self.keys = keys
    }
}

/// A threading algorithm of RFC 5256 §4.
public enum IMAPThreadAlgorithm: String, Sendable, Equatable, CaseIterable {
    case orderedSubject = "ORDEREDSUBJECT"
    case references = "REFERENCES"
}
