/// One search key (RFC 9051 §6.4.4 and §9 search-key, the RFC 3501 keys NEW,
/// OLD and RECENT, and MODSEQ of RFC 7162 §3.1.5). Recursion through
/// parentheses, NOT and OR is bounded by `IMAPParserLimits.maxSearchDepth`.
extension IMAPCommandParser {
    static func searchKey(_ reader: inout IMAPArgumentReader, depth: Int) throws(IMAPParseError) -> IMAPSearchKey {
        guard depth <= reader.limits.maxSearchDepth else { throw IMAPParseError(.tooComplex, "Search keys nested too deeply") }
        reader.searchKeyCount += 1
        guard reader.searchKeyCount <= reader.limits.maxSearchKeys else { throw IMAPParseError(.tooComplex, "Too many search keys") }
        if reader.peek == IMAPCharacterClass.openParen {
            let keys = try reader.list("the search key list") { reader throws(IMAPParseError) in
                try searchKey(&reader, depth: depth + 1)
            }
            return keys.count == 1 ? keys[0] : .and(keys)
        }
        if let byte = reader.peek, IMAPCharacterClass.isDigit(byte) || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "$") {
            return .sequenceNumbers(try reader.sequenceSet())
        }
        let name = try reader.requiredKeyword("a search key")
        if let simple = flagKeys[name] { return simple }
        guard argumentKeys.contains(name) else { throw .syntax("Unknown search key \(name.prefix(32))") }
        try reader.space()
        switch name {
        case "BCC": return .bcc(try reader.searchText("the BCC value"))
        case "BODY": return .body(try reader.searchText("the BODY value"))
        case "CC": return .cc(try reader.searchText("the CC value"))
        case "FROM": return .from(try reader.searchText("the FROM value"))
        case "SUBJECT": return .subject(try reader.searchText("the SUBJECT value"))
        case "TEXT": return .text(try reader.searchText("the TEXT value"))
        case "TO": return .to(try reader.searchText("the TO value"))
        case "KEYWORD": return .keyword(String(decoding: try reader.atom("a keyword"), as: UTF8.self))
        case "UNKEYWORD": return .unkeyword(String(decoding: try reader.atom("a keyword"), as: UTF8.self))
        case "HEADER":
            let field = try reader.text("a header field name")
            try reader.space()
            return .header(field, try reader.searchText("the HEADER value"))
        case "BEFORE": return .before(try reader.date())
        case "ON": return .on(try reader.date())
        case "SINCE": return .since(try reader.date())
        case "SENTBEFORE": return .sentBefore(try reader.date())
        case "SENTON": return .sentOn(try reader.date())
        case "SENTSINCE": return .sentSince(try reader.date())
        case "LARGER": return .larger(try reader.number64("the LARGER size"))
        case "SMALLER": return .smaller(try reader.number64("the SMALLER size"))
        case "UID": return .uid(try reader.sequenceSet())
        case "NOT": return .not(try searchKey(&reader, depth: depth + 1))
        case "OR":
            let first = try searchKey(&reader, depth: depth + 1)
            try reader.space()
            return .or(first, try searchKey(&reader, depth: depth + 1))
        default: return try modSeq(&reader)
        }
    }

    /// Keys without arguments.
    private static let flagKeys: [String: IMAPSearchKey] = [
        "ALL": .all, "ANSWERED": .answered, "DELETED": .deleted, "DRAFT": .draft, "FLAGGED": .flagged,
        "SEEN": .seen, "UNANSWERED": .unanswered, "UNDELETED": .undeleted, "UNDRAFT": .undraft,
        "UNFLAGGED": .unflagged, "UNSEEN": .unseen, "NEW": .new, "OLD": .old, "RECENT": .recent,
    ]

    /// Keys followed by arguments.
    private static let argumentKeys: Set<String> = [
        "BCC", "BODY", "CC", "FROM", "SUBJECT", "TEXT", "TO", "KEYWORD", "UNKEYWORD", "HEADER", "BEFORE", "ON",
        "SINCE", "SENTBEFORE", "SENTON", "SENTSINCE", "LARGER", "SMALLER", "UID", "NOT", "OR", "MODSEQ",
    ]

    /// `MODSEQ ["/flags/<flag>" priv|shared|all] n` (RFC 7162 §3.1.5).
    private static func modSeq(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPSearchKey {
        var entry: IMAPModSeqEntry?
        if reader.peek == IMAPCharacterClass.quote {
            let name = String(decoding: try reader.quoted(), as: UTF8.self)
            guard name.lowercased().hasPrefix("/flags/"), let flag = IMAPFlag(String(name.dropFirst(7))) else {
                throw .syntax("Invalid MODSEQ entry name")
            }
            try reader.space()
            let type = String(decoding: try reader.atom("an entry type"), as: UTF8.self).lowercased()
            guard let kind = IMAPModSeqEntry.Kind(rawValue: type) else { throw .syntax("Invalid MODSEQ entry type") }
            entry = IMAPModSeqEntry(flag: flag, kind: kind)
            try reader.space()
        }
        return .modSeq(entry, try reader.number64("the mod-sequence"))
    }
}
