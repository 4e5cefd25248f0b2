/// STORE, COPY and MOVE, with or without UID (RFC 9051 §6.4.6–§6.4.8,
/// RFC 6851 §3, RFC 7162 §3.1.3).
extension IMAPCommandParser {
    /// `STORE set [(UNCHANGEDSINCE n)] [+|-]FLAGS[.SILENT] (flags | flag ...)`.
    static func store(uid: Bool, _ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPCommand {
        try reader.space()
        let set = try reader.sequenceSet()
        try reader.space()
        var unchangedSince: UInt64?
        if reader.peek == IMAPCharacterClass.openParen {
            _ = try reader.list("store modifiers") { reader throws(IMAPParseError) in
                guard try reader.requiredKeyword("a store modifier") == "UNCHANGEDSINCE" else {
                    throw .syntax("Unknown store modifier")
                }
                try reader.space()
                unchangedSince = try reader.number64("the mod-sequence")
            }
            try reader.space()
        }
        let operation: IMAPStoreRequest.Operation =
            reader.skip(UInt8(ascii: "+")) ? .add : reader.skip(UInt8(ascii: "-")) ? .remove : .replace
        let silent: Bool
        switch reader.keyword() {
        case "FLAGS": silent = false
        case "FLAGS.SILENT": silent = true
        default: throw .syntax("Expected FLAGS, +FLAGS or -FLAGS")
        }
        try reader.space()
        var flags: [IMAPFlag] = []
        if reader.peek == IMAPCharacterClass.openParen {
            flags = try reader.flagList()
        } else {
            repeat {
                guard flags.count < reader.limits.maxListItems else { throw IMAPParseError(.tooComplex, "Too many flags") }
                flags.append(try reader.flag())
            } while reader.skip(IMAPCharacterClass.space)
        }
        let request = IMAPStoreRequest(operation: operation, silent: silent, flags: flags, unchangedSince: unchangedSince)
        return .store(set, request, uid: uid)
    }

    /// `COPY set mailbox` and `MOVE set mailbox`.
    static func copyOrMove(_ verb: String, uid: Bool, _ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPCommand {
        try reader.space()
        let set = try reader.sequenceSet()
        try reader.space()
        let mailbox = try reader.mailbox()
        return verb == "COPY" ? .copy(set, mailbox: mailbox, uid: uid) : .move(set, mailbox: mailbox, uid: uid)
    }
}
