/// A message flag (RFC 9051 §2.3.2): one of the system flags, a keyword, or
/// a flag-extension. System flags are recognised in any case; keywords keep
/// the spelling they were given.
public enum IMAPFlag: Hashable, Sendable, CustomStringConvertible {
    case answered
    case flagged
    case deleted
    case seen
    case draft
    /// `\Recent`: obsolete in IMAP4rev2, only ever sent by the server
    /// (RFC 3501 §2.3.2).
    case recent
    /// A keyword such as `$Forwarded` or `NonJunk`: an atom (flag-keyword).
    case keyword(String)
    /// `\` followed by an atom other than a system flag (flag-extension);
    /// the associated value is without the backslash.
    case `extension`(String)

    /// Parses a flag as written on the wire; nil if it is no valid flag.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        if bytes.first == IMAPCharacterClass.backslash {
            let name = bytes.dropFirst()
            guard !name.isEmpty, name.allSatisfy(IMAPCharacterClass.isAtomChar) else { return nil }
            switch IMAPCharacterClass.uppercased(name) {
            case "ANSWERED": self = .answered
            case "FLAGGED": self = .flagged
            case "DELETED": self = .deleted
            case "SEEN": self = .seen
            case "DRAFT": self = .draft
            case "RECENT": self = .recent
            default: self = .extension(String(decoding: name, as: UTF8.self))
            }
        } else {
            guard !bytes.isEmpty, bytes.allSatisfy(IMAPCharacterClass.isAtomChar) else { return nil }
            self = .keyword(text)
        }
    }

    public var description: String {
        switch self {
        case .answered: "\\Answered"
        case .flagged: "\\Flagged"
        case .deleted: "\\Deleted"
        case .seen: "\\Seen"
        case .draft: "\\Draft"
        case .recent: "\\Recent"
        case .keyword(let keyword): keyword
        case .extension(let name): "\\" + name
        }
    }

    /// Whether this is one of the five system flags a client may store.
    public var isSystemFlag: Bool {
        switch self {
        case .answered, .flagged, .deleted, .seen, .draft: true
        case .recent, .keyword, .extension: false
        }
    }
}
