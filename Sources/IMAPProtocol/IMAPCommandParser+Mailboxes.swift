/// Commands on mailboxes: SELECT, EXAMINE, CREATE, DELETE, RENAME,
/// SUBSCRIBE, UNSUBSCRIBE, STATUS (RFC 9051 §6.3) and the quota commands of
/// RFC 9208 §4.
extension IMAPCommandParser {
    /// `SELECT|EXAMINE mailbox [(CONDSTORE) | (QRESYNC (...))]`
    /// (RFC 4466 §2.2, RFC 7162 §3.1.8, §3.2.5).
    static func select(_ verb: String, _ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPCommand {
        try reader.space()
        let mailbox = try reader.mailbox()
        var parameters = IMAPSelectParameters()
        if reader.skip(IMAPCharacterClass.space) {
            let names = try reader.list("select parameters") { reader throws(IMAPParseError) in
                let name = try reader.requiredKeyword("a select parameter")
                switch name {
                case "CONDSTORE": return name
                case "QRESYNC":
                    try reader.space()
                    parameters.qresync = try qresync(&reader)
                    return name
                default: throw .syntax("Unknown select parameter \(name.prefix(32))")
                }
            }
            parameters.condStore = names.contains("CONDSTORE")
        }
        return verb == "SELECT" ? .select(mailbox: mailbox, parameters) : .examine(mailbox: mailbox, parameters)
    }

    /// `(uidvalidity modseq [known-uids] [(known-seqs known-uids)])`.
    private static func qresync(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPQResyncParameters {
        try reader.expect(IMAPCharacterClass.openParen, "( to open the QRESYNC parameters")
        let uidValidity = try reader.nzNumber("the UIDVALIDITY")
        try reader.space()
        var result = IMAPQResyncParameters(uidValidity: uidValidity, modSeq: try reader.nzNumber64("the mod-sequence"))
        if reader.skip(IMAPCharacterClass.space), reader.peek != IMAPCharacterClass.openParen {
            result.knownUIDs = try knownSet(&reader)
            _ = reader.skip(IMAPCharacterClass.space)
        }
        if reader.skip(IMAPCharacterClass.openParen) {
            result.knownSequenceNumbers = try knownSet(&reader)
            try reader.space()
            result.knownSequenceUIDs = try knownSet(&reader)
            try reader.expect(IMAPCharacterClass.closeParen, ") to close the sequence match data")
        }
        try reader.expect(IMAPCharacterClass.closeParen, ") to close the QRESYNC parameters")
        return result
    }

    /// A known-uids style set: no `*` and no `$` (RFC 7162 §7).
    private static func knownSet(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPSequenceSet {
        let set = try reader.sequenceSet()
        guard set != .lastResult, !set.mentionsLast else { throw .syntax("* and $ are not allowed in QRESYNC sets") }
        return set
    }

    /// `CREATE mailbox [(USE (attributes))]` (RFC 4466 §2.1, RFC 6154 §3).
    static func create(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPCommand {
        try reader.space()
        let mailbox = try reader.mailbox()
        var uses: [IMAPMailboxAttribute] = []
        if reader.skip(IMAPCharacterClass.space) {
            _ = try reader.list("create parameters") { reader throws(IMAPParseError) in
                guard try reader.requiredKeyword("a create parameter") == "USE" else { throw .syntax("Unknown create parameter") }
                try reader.space()
                uses += try reader.list("the USE list", allowEmpty: true) { reader throws(IMAPParseError) in
                    try reader.expect(IMAPCharacterClass.backslash, "a special-use attribute")
                    return IMAPMailboxAttribute("\\" + String(decoding: try reader.atom("an attribute"), as: UTF8.self))
                }
            }
        }
        return .create(mailbox: mailbox, specialUse: uses)
    }

    /// DELETE, SUBSCRIBE, UNSUBSCRIBE and GETQUOTAROOT take one mailbox.
    static func singleMailbox(_ verb: String, _ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPCommand {
        try reader.space()
        let mailbox = try reader.mailbox()
        switch verb {
        case "DELETE": return .delete(mailbox: mailbox)
        case "SUBSCRIBE": return .subscribe(mailbox: mailbox)
        case "UNSUBSCRIBE": return .unsubscribe(mailbox: mailbox)
        default: return .getQuotaRoot(mailbox: mailbox)
        }
    }

    static func rename(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPCommand {
        try reader.space()
        let from = try reader.mailbox()
        try reader.space()
        return .rename(from: from, to: try reader.mailbox())
    }

    /// `STATUS mailbox (att ...)` (RFC 9051 §6.3.11).
    static func status(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPCommand {
        try reader.space()
        let mailbox = try reader.mailbox()
        try reader.space()
        return .status(mailbox: mailbox, try statusAttributes(&reader))
    }

    /// `(att ...)` of STATUS and of the LIST return option STATUS.
    static func statusAttributes(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> [IMAPStatusAttribute] {
        try reader.list("the status items") { reader throws(IMAPParseError) in
            let name = try reader.requiredKeyword("a status item")
            guard let attribute = IMAPStatusAttribute(rawValue: name) else { throw .syntax("Unknown status item \(name.prefix(32))") }
            return attribute
        }
    }

    /// `GETQUOTA root` (RFC 9208 §4.2).
    static func getQuota(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPCommand {
        try reader.space()
        return .getQuota(root: try reader.text("a quota root"))
    }

    /// `SETQUOTA root (resource limit ...)` (RFC 9208 §4.3).
    static func setQuota(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPCommand {
        try reader.space()
        let root = try reader.text("a quota root")
        try reader.space()
        let limits = try reader.list("the quota list", allowEmpty: true) { reader throws(IMAPParseError) in
            let resource = IMAPCharacterClass.uppercased(try reader.atom("a resource name"))
            try reader.space()
            return IMAPQuotaLimit(resource: resource, limit: try reader.number64("the resource limit"))
        }
        return .setQuota(root: root, limits)
    }
}
