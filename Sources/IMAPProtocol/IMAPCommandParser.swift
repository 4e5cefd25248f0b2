/// Parses one framed command into its tag and `IMAPCommand` (RFC 9051 §6,
/// §9, and the extensions listed on each case of `IMAPCommand`).
///
/// Pure and bounded: work is linear in the command's size and nesting is
/// limited by `IMAPParserLimits`. Every failure is an `IMAPParseError`
/// carrying the tag (when there is one) and a message for the `BAD` reply.
public enum IMAPCommandParser {
    public static func parse(
        _ command: IMAPFramedCommand, limits: IMAPParserLimits = IMAPParserLimits()
    ) -> Result<IMAPTaggedCommand, IMAPParseError> {
        guard let tag = command.tag else {
            return .failure(IMAPParseError(.missingTag, "Missing or invalid tag"))
        }
        var reader = IMAPArgumentReader(command, limits: limits)
        reader.advance(by: tag.utf8.count)
        let verb = reader.skip(IMAPCharacterClass.space) ? reader.keyword() : ""
        guard !verb.isEmpty else { return .failure(IMAPParseError(.syntax, "Missing command", tag: tag)) }
        do {
            let parsed = try parseCommand(verb, &reader)
            try reader.end()
            return .success(IMAPTaggedCommand(tag: tag, command: parsed))
        } catch {
            let message = error.kind == .unknownCommand ? error.message : "Error in IMAP command \(verb.prefix(32)): \(error.message)"
            return .failure(IMAPParseError(error.kind, message, tag: tag))
        }
    }

    static func parseCommand(_ verb: String, _ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPCommand {
        if let simple = simpleCommands[verb] { return simple }
        switch verb {
        case "AUTHENTICATE": return try authenticate(&reader)
        case "LOGIN": return try login(&reader)
        case "ENABLE": return try enable(&reader)
        case "SELECT", "EXAMINE": return try select(verb, &reader)
        case "CREATE": return try create(&reader)
        case "DELETE", "SUBSCRIBE", "UNSUBSCRIBE", "GETQUOTAROOT": return try singleMailbox(verb, &reader)
        case "RENAME": return try rename(&reader)
        case "LIST": return try list(&reader)
        case "LSUB": return try lsub(&reader)
        case "STATUS": return try status(&reader)
        case "APPEND": return try append(&reader)
        case "UID": return try uid(&reader)
        case "ID": return try id(&reader)
        case "GETQUOTA": return try getQuota(&reader)
        case "SETQUOTA": return try setQuota(&reader)
        case "COMPRESS": return try compress(&reader)
        default: return try messageCommand(verb, uid: false, &reader)
        }
    }

    /// Commands without arguments.
    private static let simpleCommands: [String: IMAPCommand] = [
        "CAPABILITY": .capability, "NOOP": .noop, "LOGOUT": .logout, "STARTTLS": .startTLS,
        "NAMESPACE": .namespace, "IDLE": .idle, "CHECK": .check, "CLOSE": .close,
        "UNSELECT": .unselect, "EXPUNGE": .expunge,
    ]

    /// `UID` followed by COPY, MOVE, FETCH, SEARCH, STORE, EXPUNGE, SORT or
    /// THREAD (RFC 9051 §6.4.9, RFC 4315 §2.1, RFC 5256 §3).
    private static func uid(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPCommand {
        try reader.space()
        let verb = try reader.requiredKeyword("a command after UID")
        if verb == "EXPUNGE" {
            try reader.space()
            return .uidExpunge(try reader.sequenceSet())
        }
        return try messageCommand(verb, uid: true, &reader)
    }

    /// The commands that work on messages of the selected mailbox, with or
    /// without UID.
    private static func messageCommand(
        _ verb: String, uid: Bool, _ reader: inout IMAPArgumentReader
    ) throws(IMAPParseError) -> IMAPCommand {
        switch verb {
        case "SEARCH": return .search(try search(&reader), uid: uid)
        case "FETCH": return try fetch(uid: uid, &reader)
        case "STORE": return try store(uid: uid, &reader)
        case "COPY", "MOVE": return try copyOrMove(verb, uid: uid, &reader)
        case "SORT": return .sort(try sort(&reader), uid: uid)
        case "THREAD": return .thread(try thread(&reader), uid: uid)
        default:
            let name = uid ? "UID \(verb)" : verb
            throw IMAPParseError(.unknownCommand, "Unknown command \(name.prefix(64))")
        }
    }
}
