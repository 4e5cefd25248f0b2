extension AddressListParser {
    /// The mailbox (§3.4) spelled by one list element's tokens; nil if the
    /// element names no address.
    static func mailbox(from tokens: [RFC5322Token], groupName: String?) -> MailboxAddress? {
        if let open = tokens.firstIndex(where: { $0.isSpecial("<") }) {
            var inner = tokens[(open + 1)...].prefix { !$0.isSpecial(">") }
                .filter { $0.kind != .comment && !$0.isSpecial("<") }[...]
            if inner.first?.isSpecial("@") == true {
                let routeEnd = inner.firstIndex { $0.isSpecial(":") } ?? inner.endIndex - 1
                inner = inner[(routeEnd + 1)...]
            }
            guard let (local, domain) = addrSpec(inner) else { return nil }
            return MailboxAddress(displayName: phrase(tokens[..<open]), localPart: local, domain: domain, groupName: groupName)
        }
        let words = tokens.filter { $0.kind != .comment }
        guard let (local, domain) = addrSpec(words[...]) else { return nil }
        let lastWord = tokens.lastIndex { $0.kind != .comment } ?? tokens.endIndex
        let comment = tokens[lastWord...].first { $0.kind == .comment }
        let name = comment.map { EncodedWord.decode($0.text).trimmingWhitespace() }
        return MailboxAddress(displayName: name?.isEmpty == false ? name : nil,
                              localPart: local, domain: domain, groupName: groupName)
    }

    /// Local part and domain split at the last `@` (§3.4.1); obsolete CFWS
    /// around dots (§4.4) is dropped. Nil when both would be empty.
    private static func addrSpec(_ tokens: ArraySlice<RFC5322Token>) -> (String, String)? {
        let at = tokens.lastIndex { $0.isSpecial("@") }
        let local = join(tokens[..<(at ?? tokens.endIndex)])
        let domain = at.map { join(tokens[($0 + 1)...]) } ?? ""
        return local.isEmpty && domain.isEmpty ? nil : (local, domain)
    }

    /// Token texts concatenated, with one space between two words that white
    /// space separated (not between a word and a dot).
    private static func join(_ tokens: ArraySlice<RFC5322Token>) -> String {
        var output = ""
        var previous: RFC5322Token?
        for token in tokens {
            if let previous, token.followsSpace, !previous.isSpecial("."), !token.isSpecial(".") {
                output += " "
            }
            output += token.text
            previous = token
        }
        return output
    }

    /// A display name or group name (§3.2.5 phrase, §4.1 obs-phrase) with
    /// encoded words decoded (RFC 2047 §5); nil if empty.
    static func phrase(_ tokens: some Collection<RFC5322Token>) -> String? {
        var output = ""
        for token in tokens where token.kind != .comment {
            if !output.isEmpty && token.followsSpace { output += " " }
            output += token.text
        }
        let decoded = EncodedWord.decode(output)
        return decoded.isEmpty ? nil : decoded
    }
}
