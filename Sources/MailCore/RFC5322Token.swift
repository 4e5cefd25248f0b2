/// A lexical token of a structured field body (RFC 5322 §3.2): an atom, a
/// quoted string, a domain literal (§3.4.1), a comment, or one special.
struct RFC5322Token: Equatable {
    enum Kind: Equatable {
        case atom
        /// A quoted string; `text` is its content with quoted pairs resolved.
        case quotedString
        /// A domain literal; `text` keeps the brackets.
        case domainLiteral
        /// A single special character (§3.2.3), such as `<`, `@` or `,`.
        case special
        /// A comment; `text` is its content, nested comments included.
        case comment
    }

    var kind: Kind
    var text: String
    /// Whether white space or a comment came before it (CFWS, §3.2.2).
    var followsSpace: Bool

    /// Whether this is the special character `character`.
    func isSpecial(_ character: Character) -> Bool {
        kind == .special && text == String(character)
    }
}
