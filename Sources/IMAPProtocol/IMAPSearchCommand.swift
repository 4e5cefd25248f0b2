/// A SEARCH command (RFC 9051 §6.4.4) with ESEARCH return options
/// (RFC 4731 §3.1, RFC 5182 §2).
public struct IMAPSearchCommand: Sendable, Equatable {
    /// Nil without RETURN: the IMAP4rev1 `* SEARCH` answer. Otherwise the
    /// options asked for; `RETURN ()` arrives as `[.all]` (RFC 4731 §3.1).
    public var returnOptions: [IMAPSearchReturnOption]?
    /// The CHARSET argument uppercased, nil if absent (US-ASCII, or UTF-8
    /// in IMAP4rev2).
    public var charset: String?
    /// The keys, which must all match.
    public var keys: [IMAPSearchKey]

    public init(returnOptions: [IMAPSearchReturnOption]? = nil, charset: String? = nil, keys: [IMAPSearchKey]) {
        self.returnOptions = returnOptions
        self.charset = charset
        self.keys = keys
    }

    /// The keys as one: the single key, or their conjunction.
    public var criteria: IMAPSearchKey {
        keys.count == 1 ? keys[0] : .and(keys)
    }
}

/// A SEARCH return option (RFC 9051 §6.4.4, RFC 4731 §3.1, RFC 5182 §2).
public enum IMAPSearchReturnOption: String, Sendable, Equatable, CaseIterable {
    case min = "MIN"
    case max = "MAX"
    case all = "ALL"
    case count = "COUNT"
    /// Keep the result for `$` (SEARCHRES, RFC 5182).
    case save = "SAVE"
}
