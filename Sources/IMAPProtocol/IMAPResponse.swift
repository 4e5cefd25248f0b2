/// A server response (RFC 9051 §7): untagged data, a command continuation
/// request, or the tagged completion of a command. Encode it with
/// `IMAPResponseEncoder`.
public enum IMAPResponse: Sendable, Equatable {
    case untagged(IMAPUntaggedResponse)
    /// `+ text` (RFC 9051 §7.5); for SASL, the text is the base64 challenge.
    case continuation(String)
    /// `tag OK|NO|BAD [code] text` (RFC 9051 §7.1).
    case tagged(tag: String, IMAPCondition, code: IMAPResponseCode? = nil, text: String)
}

/// The condition word of a status response (RFC 9051 §7.1).
public enum IMAPCondition: String, Sendable, Equatable {
    case ok = "OK"
    case no = "NO"
    case bad = "BAD"
    /// Untagged greeting only (§7.1.4).
    case preauth = "PREAUTH"
    /// Untagged only: the server closes the connection (§7.1.5).
    case bye = "BYE"
}

/// Untagged server data (RFC 9051 §7.1–§7.5 and extensions).
public enum IMAPUntaggedResponse: Sendable, Equatable {
    /// `* OK|NO|BAD|PREAUTH|BYE [code] text`.
    case condition(IMAPCondition, code: IMAPResponseCode? = nil, text: String)
    case capability([String])
    /// `* ENABLED ...` (RFC 5161 §3.2).
    case enabled([String])
    case flags([IMAPFlag])
    case exists(UInt32)
    /// IMAP4rev1 only (RFC 3501 §7.3.2).
    case recent(UInt32)
    case expunge(UInt32)
    /// `* VANISHED [(EARLIER)] uids` (RFC 7162 §3.2.10).
    case vanished(IMAPNumberSet, earlier: Bool)
    case list(IMAPListResponse)
    /// IMAP4rev1 only (RFC 3501 §7.2.3).
    case lsub(IMAPListResponse)
    /// `* STATUS mailbox (item value ...)`; the mailbox in Unicode.
    case status(mailbox: String, [IMAPStatusItem])
    /// IMAP4rev1 `* SEARCH n ...`, with `(MODSEQ n)` after CONDSTORE
    /// searches (RFC 7162 §3.1.5).
    case search([UInt32], modSeq: UInt64? = nil)
    case esearch(IMAPESearchResponse)
    /// `* SORT n ...` (RFC 5256 §4).
    case sort([UInt32], modSeq: UInt64? = nil)
    /// `* THREAD (...)...` (RFC 5256 §4).
    case thread([IMAPThreadNode])
    /// `* n FETCH (...)`.
    case fetch(UInt32, [IMAPFetchItem])
    /// `* ID NIL` or `* ID (...)` (RFC 2971 §3.2).
    case id([IMAPIDField]?)
    case namespace(IMAPNamespaceResponse)
    /// `* QUOTA root (resource usage limit ...)` (RFC 9208 §5.1).
    case quota(root: String, [IMAPQuotaResource])
    /// `* QUOTAROOT mailbox root ...` (RFC 9208 §5.2).
    case quotaRoot(mailbox: String, roots: [String])
}
