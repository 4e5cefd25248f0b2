/// A mailbox name attribute of LIST (RFC 9051 §7.3.1) or a special-use
/// attribute (RFC 6154 §2), spelled with its backslash. Compare with `==`:
/// attributes are case-insensitive and `init(_:)` spells known ones canonically.
public struct IMAPMailboxAttribute: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// The attribute as written (`\HasChildren`); known names in any case
    /// become their canonical spelling.
    public init(_ rawValue: String) {
        let upper = rawValue.uppercased()
        self.rawValue = Self.known.first { $0.uppercased() == upper } ?? rawValue
    }

    public var description: String {
        rawValue
    }

    public static let noInferiors = IMAPMailboxAttribute("\\Noinferiors")
    public static let noSelect = IMAPMailboxAttribute("\\Noselect")
    public static let marked = IMAPMailboxAttribute("\\Marked")
    public static let unmarked = IMAPMailboxAttribute("\\Unmarked")
    public static let hasChildren = IMAPMailboxAttribute("\\HasChildren")
    public static let hasNoChildren = IMAPMailboxAttribute("\\HasNoChildren")
    public static let nonExistent = IMAPMailboxAttribute("\\NonExistent")
    public static let subscribed = IMAPMailboxAttribute("\\Subscribed")
    public static let remote = IMAPMailboxAttribute("\\Remote")
    public static let all = IMAPMailboxAttribute("\\All")
    public static let archive = IMAPMailboxAttribute("\\Archive")
    public static let drafts = IMAPMailboxAttribute("\\Drafts")
    public static let flagged = IMAPMailboxAttribute("\\Flagged")
    public static let junk = IMAPMailboxAttribute("\\Junk")
    public static let sent = IMAPMailboxAttribute("\\Sent")
    public static let trash = IMAPMailboxAttribute("\\Trash")

    /// The special-use attributes of RFC 6154 §2.
    public static let specialUse: [IMAPMailboxAttribute] = [all, archive, drafts, flagged, junk, sent, trash]

    public var isSpecialUse: Bool {
        Self.specialUse.contains(self)
    }

    private static let known = [
        "\\Noinferiors", "\\Noselect", "\\Marked", "\\Unmarked", "\\HasChildren", "\\HasNoChildren",
        "\\NonExistent", "\\Subscribed", "\\Remote", "\\All", "\\Archive", "\\Drafts", "\\Flagged",
        "\\Junk", "\\Sent", "\\Trash",
    ]
}
