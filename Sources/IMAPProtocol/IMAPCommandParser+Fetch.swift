/// FETCH and UID FETCH (RFC 9051 §6.4.5, RFC 3516 §4.2, RFC 7162 §3.1.4,
/// §3.2.6).
extension IMAPCommandParser {
    /// `FETCH set (macro | att | (att ...)) [(modifiers)]`.
    static func fetch(uid: Bool, _ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPCommand {
        try reader.space()
        let set = try reader.sequenceSet()
        try reader.space()
        var request = IMAPFetchRequest(attributes: [])
        if reader.peek == IMAPCharacterClass.openParen {
            request.attributes = try reader.list("the fetch items") { reader throws(IMAPParseError) in try fetchAttribute(&reader) }
        } else {
            let start = reader
            switch reader.keyword() {
            case "ALL": request.attributes = IMAPFetchAttribute.all
            case "FAST": request.attributes = IMAPFetchAttribute.fast
            case "FULL": request.attributes = IMAPFetchAttribute.full
            default:
                reader = start
                request.attributes = [try fetchAttribute(&reader)]
            }
        }
        if reader.skip(IMAPCharacterClass.space) {
            try fetchModifiers(&reader, into: &request)
            if request.vanished && (!uid || request.changedSince == nil) {
                throw .syntax("VANISHED needs UID FETCH and CHANGEDSINCE")
            }
        }
        return .fetch(set, request, uid: uid)
    }

    private static func fetchModifiers(_ reader: inout IMAPArgumentReader, into request: inout IMAPFetchRequest) throws(IMAPParseError) {
        _ = try reader.list("fetch modifiers") { reader throws(IMAPParseError) in
            switch try reader.requiredKeyword("a fetch modifier") {
            case "CHANGEDSINCE":
                try reader.space()
                request.changedSince = try reader.number64("the mod-sequence")
            case "VANISHED":
                request.vanished = true
            case let other:
                throw .syntax("Unknown fetch modifier \(other.prefix(32))")
            }
        }
    }

    private static func fetchAttribute(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPFetchAttribute {
        let name = try reader.requiredKeyword("a fetch item")
        switch name {
        case "ENVELOPE": return .envelope
        case "FLAGS": return .flags
        case "INTERNALDATE": return .internalDate
        case "RFC822": return .rfc822
        case "RFC822.HEADER": return .rfc822Header
        case "RFC822.TEXT": return .rfc822Text
        case "RFC822.SIZE": return .rfc822Size
        case "BODYSTRUCTURE": return .bodyStructure
        case "UID": return .uid
        case "MODSEQ": return .modSeq
        case "BODY" where reader.peek != IMAPCharacterClass.openBracket: return .body
        case "BODY", "BODY.PEEK":
            let section = try section(&reader)
            return .bodySection(section, partial: try partial(&reader), peek: name == "BODY.PEEK")
        case "BINARY", "BINARY.PEEK":
            let part = try binarySection(&reader)
            return .binary(part: part, partial: try partial(&reader), peek: name == "BINARY.PEEK")
        case "BINARY.SIZE":
            return .binarySize(part: try binarySection(&reader))
        default:
            throw .syntax("Unknown fetch item \(name.prefix(32))")
        }
    }

    /// `[` [section-part ["." section-text] | section-msgtext] `]`.
    private static func section(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPSection {
        try reader.expect(IMAPCharacterClass.openBracket, "[")
        var section = IMAPSection()
        var needsText = false
        while let byte = reader.peek, IMAPCharacterClass.isDigit(byte) {
            section.part.append(try partNumber(&reader, depth: section.part.count))
            needsText = reader.skip(UInt8(ascii: "."))
            if !needsText { break }
        }
        if section.part.isEmpty || needsText {
            if section.part.isEmpty && reader.peek == IMAPCharacterClass.closeBracket {
                reader.advance()
                return section
            }
            section.text = try sectionText(&reader, afterPart: !section.part.isEmpty)
        }
        try reader.expect(IMAPCharacterClass.closeBracket, "] to close the section")
        return section
    }

    private static func sectionText(_ reader: inout IMAPArgumentReader, afterPart: Bool) throws(IMAPParseError) -> IMAPSectionText {
        switch try reader.requiredKeyword("a section") {
        case "HEADER": return .header
        case "TEXT": return .text
        case "MIME" where afterPart: return .mime
        case "HEADER.FIELDS":
            try reader.space()
            return .headerFields(try headerList(&reader))
        case "HEADER.FIELDS.NOT":
            try reader.space()
            return .headerFieldsNot(try headerList(&reader))
        default: throw .syntax("Invalid section")
        }
    }

    private static func headerList(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> [String] {
        try reader.list("the header list") { reader throws(IMAPParseError) in try reader.text("a header field name") }
    }

    /// `[` [section-part] `]` of BINARY.
    private static func binarySection(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> [Int] {
        try reader.expect(IMAPCharacterClass.openBracket, "[")
        var part: [Int] = []
        if reader.peek != IMAPCharacterClass.closeBracket {
            repeat {
                part.append(try partNumber(&reader, depth: part.count))
            } while reader.skip(UInt8(ascii: "."))
        }
        try reader.expect(IMAPCharacterClass.closeBracket, "] to close the section")
        return part
    }

    /// Part paths deeper than this are refused (MailCore's own MIME trees
    /// stop at `MailCoreLimits.hardMaxMIMEDepth`).
    static let maxPartDepth = 128

    private static func partNumber(_ reader: inout IMAPArgumentReader, depth: Int) throws(IMAPParseError) -> Int {
        guard depth < maxPartDepth else { throw IMAPParseError(.tooComplex, "Section part path too deep") }
        return Int(try reader.nzNumber("the part number"))
    }

    /// `<offset.length>`, length at least 1 (RFC 9051 §9, partial).
    private static func partial(_ reader: inout IMAPArgumentReader) throws(IMAPParseError) -> IMAPPartial? {
        guard reader.skip(UInt8(ascii: "<")) else { return nil }
        let offset = try reader.number64("the partial offset")
        try reader.expect(UInt8(ascii: "."), ". in the partial range")
        let length = try reader.nzNumber64("the partial length")
        try reader.expect(UInt8(ascii: ">"), "> to close the partial range")
        return IMAPPartial(offset: offset, length: length)
    }
}
