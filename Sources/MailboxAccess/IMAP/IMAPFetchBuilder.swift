import IMAPProtocol
import MailCore

/// Builds the data items of one FETCH response (RFC 9051 §7.5.2, RFC 3516,
/// RFC 7162 §3.1.4) from a message's entry and, when an item needs it, its
/// stored bytes, parsed at most once per message. ENVELOPE and
/// BODYSTRUCTURE come from `cached` when known; what had to be parsed is
/// left in `learned` for the cache.
struct IMAPFetchBuilder {
    let entry: IMAPMessageEntry
    let content: [UInt8]?
    let utf8: Bool
    let cached: IMAPStructureCache.Entry?
    private(set) var learned = IMAPStructureCache.Entry()
    private var tree: MIMEPart?

    init(entry: IMAPMessageEntry, content: [UInt8]?, utf8: Bool, cached: IMAPStructureCache.Entry? = nil) {
        self.entry = entry
        self.content = content
        self.utf8 = utf8
        self.cached = cached
    }

    /// Whether an attribute needs the message's bytes, given what is cached.
    static func needsContent(_ attribute: IMAPFetchAttribute, cached: IMAPStructureCache.Entry?) -> Bool {
        switch attribute {
        case .flags, .internalDate, .rfc822Size, .uid, .modSeq: false
        case .envelope: cached?.envelope == nil
        case .body, .bodyStructure: cached?.structure == nil
        default: true
        }
    }

    /// The item for one attribute; nil for BINARY of a part the server
    /// cannot decode (the caller answers NO [UNKNOWN-CTE]).
    mutating func item(_ attribute: IMAPFetchAttribute) -> IMAPFetchItem? {
        switch attribute {
        case .flags: return .flags(IMAPFlags.wire(entry.flags))
        case .uid: return .uid(entry.uid)
        case .internalDate: return .internalDate(IMAPDateTime(secondsSince1970: entry.internalDate))
        case .rfc822Size: return .rfc822Size(entry.size)
        case .modSeq: return .modSeq(UInt64(entry.modSeq))
        case .envelope: return .envelope(envelope())
        case .body: return .body(structure())
        case .bodyStructure: return .bodyStructure(structure())
        case .rfc822: return .rfc822(content)
        case .rfc822Header: return .rfc822Header(section(IMAPSection(text: .header)))
        case .rfc822Text: return .rfc822Text(section(IMAPSection(text: .text)))
        case .bodySection(let section, let partial, _):
            let data = self.section(section)
            return .bodySection(section, origin: partial?.offset, data: data.map { bytes in partial.map { Array($0.apply(to: bytes)) } ?? bytes })
        case .binary(let part, let partial, _):
            switch IMAPBinaryDecoder.decode(part: part, from: content ?? [], tree: parsed()) {
            case .success(let data):
                return .binary(part: part, origin: partial?.offset, data: partial.map { Array($0.apply(to: data)) } ?? data)
            case .failure(.unknownTransferEncoding): return nil
            case .failure: return .binary(part: part, origin: partial?.offset, data: nil)
            }
        case .binarySize(let part):
            switch IMAPBinaryDecoder.size(part: part, from: content ?? [], tree: parsed()) {
            case .success(let size): return .binarySize(part: part, size: size)
            case .failure(.unknownTransferEncoding): return nil
            case .failure: return .binarySize(part: part, size: 0)
            }
        }
    }

    private mutating func envelope() -> IMAPEnvelope {
        if let envelope = cached?.envelope ?? learned.envelope { return envelope }
        let envelope = IMAPEnvelope(header: MessageHeader.parse(content ?? []), utf8: utf8)
        learned.envelope = envelope
        return envelope
    }

    private mutating func structure() -> IMAPBodyStructure {
        if let structure = cached?.structure ?? learned.structure { return structure }
        let structure = IMAPBodyStructure(parsed(), utf8: utf8)
        learned.structure = structure
        return structure
    }

    private mutating func section(_ section: IMAPSection) -> [UInt8]? {
        IMAPSectionExtractor.extract(section, from: content ?? [], tree: parsed())
    }

    private mutating func parsed() -> MIMEPart {
        if let tree { return tree }
        let parsed = MIMEPart.parse(content ?? [])
        tree = parsed
        return parsed
    }
}
