/// A piece of a parameter value for `$name` expansion, as Postfix's `mac_expand` sees it.
///
/// Forms: `$name` (letters, digits, `_`), `${name}`, `$(name)`, `${name?text}` (text
/// when name is not empty), `${name:text}` (text when name is empty), and `$$` for a
/// literal `$`. A `$` followed by anything else is kept as a literal `$`.
enum ExpansionToken: Equatable {
    case literal(String)
    case reference(String)
    case ifNotEmpty(String, text: String)
    case ifEmpty(String, text: String)

    /// Splits `value` into tokens, or returns nil when a `${` or `$(` is not closed
    /// or names no valid parameter.
    static func tokens(in value: String) -> [ExpansionToken]? {
        var tokens: [ExpansionToken] = []
        var literal = ""
        var rest = Substring(value)
        while let dollar = rest.firstIndex(of: "$") {
            literal += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            switch rest.first {
            case "$":
                literal += "$"
                rest = rest.dropFirst()
            case "{", "(":
                guard let (token, remainder) = bracketed(rest) else { return nil }
                tokens.appendLiteral(&literal)
                tokens.append(token)
                rest = remainder
            case let next? where isNameCharacter(next):
                let name = rest.prefix(while: isNameCharacter)
                tokens.appendLiteral(&literal)
                tokens.append(.reference(String(name)))
                rest = rest[name.endIndex...]
            default:
                literal += "$"
            }
        }
        literal += rest
        tokens.appendLiteral(&literal)
        return tokens
    }

    /// The names referenced by `value`, including those inside conditional text.
    static func references(in value: String) -> [String] {
        (tokens(in: value) ?? []).flatMap { token -> [String] in
            switch token {
            case .literal: []
            case .reference(let name): [name]
            case .ifNotEmpty(let name, let text), .ifEmpty(let name, let text): [name] + references(in: text)
            }
        }
    }

    /// Parses `{...}` or `(...)` at the start of `text`, nested brackets of the same kind allowed.
    private static func bracketed(_ text: Substring) -> (ExpansionToken, Substring)? {
        let open = text.first!
        let close: Character = open == "{" ? "}" : ")"
        var depth = 0
        for index in text.indices {
            if text[index] == open { depth += 1 }
            if text[index] == close { depth -= 1 }
            guard depth == 0 else { continue }
            let body = text[text.index(after: text.startIndex)..<index]
            guard let token = conditional(body) else { return nil }
            return (token, text[text.index(after: index)...])
        }
        return nil
    }

    private static func conditional(_ body: Substring) -> ExpansionToken? {
        let operatorIndex = body.firstIndex { $0 == "?" || $0 == ":" }
        let name = String(body[..<(operatorIndex ?? body.endIndex)])
        guard MainCFParser.isParameterName(name) else { return nil }
        guard let operatorIndex else { return .reference(name) }
        let text = String(body[body.index(after: operatorIndex)...])
        return body[operatorIndex] == "?" ? .ifNotEmpty(name, text: text) : .ifEmpty(name, text: text)
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_")
    }
}

private extension [ExpansionToken] {
    mutating func appendLiteral(_ literal: inout String) {
        guard !literal.isEmpty else { return }
        append(.literal(literal))
        literal = ""
    }
}
