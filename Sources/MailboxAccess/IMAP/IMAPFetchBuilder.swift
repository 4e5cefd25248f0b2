import IMAPProtocol
import MailCore

/// Answers the data items of one message's FETCH response (RFC 9051
/// §6.4.5, §7.5.2, RFC 3516, RFC 7162 §3.1.4) from its entry, its MIME
/// skeleton, and the octets of the stored body each item needs: a section
/// or a partial range is read alone, never the whole message for it.
struct IMAPFetchBuilder {
    let entry: IMAPMessageEntry
    /// Read when some attribute needs it (`needsSkeleton`).
    let skeleton: MIMESkeleton?
    let utf8: Bool

    /// Whether an attribute needs the message's MIME skeleton: all but the
    /// message's own attributes and the whole message (BODY[], RFC822,
    /// BINARY[]).
    static func needsSkeleton(_ attribute: IMAPFetchAttribute) -> Bool {
        switch attribute {
        case .flags, .internalDate, .rfc822Size, .uid, .modSeq, .rfc822: false
        case .bodySection(let section, _, _): !section.part.isEmpty || section.text != nil
        case .binary(let part, _, _), .binarySize(let part): !part.isEmpty
        case .envelope, .body, .bodyStructure, .rfc822Header, .rfc822Text: true
        }
    }

    /// The answers for the attributes, in order; nil when one needs the
    /// skeleton and there is none (the body cannot be read).
    func answers(_ attributes: [IMAPFetchAttribute]) -> [IMAPFetchAnswer]? {
        var answers: [IMAPFetchAnswer] = []
        answers.reserveCapacity(attributes.count)
        for attribute in attributes {
            guard let answer = answer(attribute) else { return nil }
            answers.append(answer)
        }
        return answers
    }

    /// Whether the message list alone answers the attribute (`entryItem`).
    static func answeredByEntry(_ attribute: IMAPFetchAttribute) -> Bool {
        switch attribute {
        case .flags, .uid, .internalDate, .rfc822Size, .modSeq: true
        default: false
        }
    }

    /// The item for an attribute the message list alone answers (UID,
    /// FLAGS, INTERNALDATE, RFC822.SIZE, MODSEQ); nil for the others.
    static func entryItem(_ attribute: IMAPFetchAttribute, of entry: IMAPMessageEntry) -> IMAPFetchItem? {
        switch attribute {
        case .flags: .flags(entry.wireFlags)
        case .uid: .uid(entry.uid)
        case .internalDate: .internalDate(IMAPDateTime(secondsSince1970: entry.internalDate))
        case .rfc822Size: .rfc822Size(entry.size)
        case .modSeq: .modSeq(UInt64(entry.modSeq))
        default: nil
        }
    }

    private func answer(_ attribute: IMAPFetchAttribute) -> IMAPFetchAnswer? {
        switch attribute {
        case .flags, .uid, .internalDate, .rfc822Size, .modSeq: return Self.entryItem(attribute, of: entry).map { .item($0) }
        case .envelope: return skeleton.map { .item(.envelope(IMAPEnvelope($0.envelope ?? MessageEnvelopeFields(), utf8: utf8))) }
        case .body: return skeleton.map { .item(.body(IMAPBodyStructure($0, utf8: utf8))) }
        case .bodyStructure: return skeleton.map { .item(.bodyStructure(IMAPBodyStructure($0, utf8: utf8))) }
        case .rfc822: return .literal(wholeMessage) { .rfc822($0) }
        case .rfc822Header: return section(IMAPSection(text: .header), partial: nil) { .rfc822Header($0) }
        case .rfc822Text: return section(IMAPSection(text: .text), partial: nil) { .rfc822Text($0) }
        case .bodySection(let section, let partial, _):
            return self.section(section, partial: partial) { .bodySection(section, origin: partial?.offset, data: $0) }
        case .binary(let part, let partial, _): return binary(part, partial: partial)
        case .binarySize(let part): return binarySize(part)
        }
    }

    private var wholeMessage: Range<Int> {
        0..<entry.size
    }

    /// BODY[section]<partial>: a range of the body, narrowed to the partial
    /// before it is read; HEADER.FIELDS reads the header and picks.
    private func section(_ section: IMAPSection, partial: IMAPPartial?, make: @escaping ([UInt8]?) -> IMAPFetchItem) -> IMAPFetchAnswer? {
        if section.part.isEmpty && section.text == nil { return .literal(Self.narrow(wholeMessage, to: partial)) { make($0) } }
        guard let skeleton else { return nil }
        guard let location = IMAPSectionExtractor.locate(section, in: skeleton) else { return .item(make(nil)) }
        switch location {
        case .octets(let range):
            return .literal(Self.narrow(range, to: partial)) { make($0) }
        case .headerFields:
            return .derived(location.range) { octets in
                let data = IMAPSectionExtractor.extract(location, from: octets)
                return make(partial.map { Array($0.apply(to: data)) } ?? data)
            }
        }
    }

    /// BINARY[part]<partial>: the part's body decoded, then the partial
    /// taken; a part sent as it is is narrowed before it is read.
    private func binary(_ part: [Int], partial: IMAPPartial?) -> IMAPFetchAnswer? {
        switch locate(part) {
        case nil: return nil
        case .success(let location) where location.encoding == nil:
            return .derived(Self.narrow(location.range, to: partial)) { .binary(part: part, origin: partial?.offset, data: $0) }
        case .success(let location):
            return .derived(location.range) { octets in
                let data = location.decode(octets)
                return .binary(part: part, origin: partial?.offset, data: partial.map { Array($0.apply(to: data)) } ?? data)
            }
        case .failure(.unknownTransferEncoding): return .unknownEncoding
        case .failure: return .item(.binary(part: part, origin: partial?.offset, data: nil))
        }
    }

    /// BINARY.SIZE[part]: known without reading unless the part must be decoded.
    private func binarySize(_ part: [Int]) -> IMAPFetchAnswer? {
        switch locate(part) {
        case nil: return nil
        case .success(let location):
            if let size = location.sizeWithoutDecoding { return .item(.binarySize(part: part, size: size)) }
            return .derived(location.range) { .binarySize(part: part, size: location.decode($0).count) }
        case .failure(.unknownTransferEncoding): return .unknownEncoding
        case .failure: return .item(.binarySize(part: part, size: 0))
        }
    }

    /// Where BINARY finds the part; nil when that needs the missing skeleton.
    private func locate(_ part: [Int]) -> Result<IMAPBinaryLocation, IMAPBinaryDecoder.Failure>? {
        if part.isEmpty { return .success(IMAPBinaryLocation(range: wholeMessage)) }
        return skeleton.map { IMAPBinaryDecoder.locate(part: part, in: $0) }
    }

    /// The octets of `range` that `partial` names (RFC 9051 §6.4.5): as
    /// `IMAPPartial.apply`, but on offsets, before anything is read.
    static func narrow(_ range: Range<Int>, to partial: IMAPPartial?) -> Range<Int> {
        guard let partial else { return range }
        let start = range.lowerBound + Int(min(partial.offset, UInt64(range.count)))
        return start..<(start + Int(min(partial.length, UInt64(range.upperBound - start))))
    }
}
