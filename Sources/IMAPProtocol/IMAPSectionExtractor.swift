import MailCore

/// The octets of a BODY[section] (RFC 9051 §6.4.5): located from the
/// message's MIME skeleton, then taken from the octets read there.
public enum IMAPSectionExtractor {
    /// Where the section's octets lie, before any partial range; nil when
    /// the section does not exist (a missing part, or HEADER/TEXT of a part
    /// that is no message/rfc822), which the session answers with NIL.
    public static func locate(_ section: IMAPSection, in skeleton: MIMESkeleton) -> IMAPSectionLocation? {
        guard let part = IMAPPartLocator.part(section.part, in: skeleton) else { return nil }
        guard let text = section.text else {
            return .octets(section.part.isEmpty ? 0..<skeleton.bodyRange.upperBound : part.bodyRange)
        }
        if text == .mime {
            return section.part.isEmpty ? nil : .octets(part.headerAndSeparator)
        }
        guard let target = section.part.isEmpty ? skeleton : part.encapsulatedMessage else { return nil }
        switch text {
        case .header, .mime: return .octets(target.headerAndSeparator)
        case .text: return .octets(target.bodyRange)
        case .headerFields(let names): return .headerFields(parsedHeader(target), names: names, excluding: false)
        case .headerFieldsNot(let names): return .headerFields(parsedHeader(target), names: names, excluding: true)
        }
    }

    /// The section's octets from `octets`, what was read at `location`.
    public static func extract(_ location: IMAPSectionLocation, from octets: [UInt8]) -> [UInt8] {
        switch location {
        case .octets: return octets
        case .headerFields(_, let names, let excluding):
            return headerFields(MessageHeader.parse(octets), in: octets) { field in
                names.contains { field.hasName($0) } != excluding
            }
        }
    }

    /// The section's octets, from the whole message and its parsed MIME
    /// tree (`MIMEPart.parse(message)`); nil when it does not exist.
    public static func extract(_ section: IMAPSection, from message: [UInt8], tree: MIMEPart) -> [UInt8]? {
        locate(section, in: MIMESkeleton(tree)).map { location in
            extract(location, from: Array(IMAPPartLocator.bytes(message, location.range)))
        }
    }

    /// The header and its empty line, cut after the octets that
    /// `MessageHeader.parse` examines (`MailCoreLimits.maxHeaderBytes`) and
    /// the two after them that tell whether the header ends there: parsing
    /// them gives the fields parsing the whole part would.
    private static func parsedHeader(_ part: MIMESkeleton) -> Range<Int> {
        let range = part.headerAndSeparator
        return range.lowerBound..<min(range.upperBound, range.lowerBound + MailCoreLimits.maxHeaderBytes + 2)
    }

    /// The chosen fields exactly as written, each ending in a line break,
    /// then the empty line that ends a header.
    private static func headerFields(_ header: MessageHeader, in octets: [UInt8], where keep: (HeaderField) -> Bool) -> [UInt8] {
        var output: [UInt8] = []
        for field in header.fields where keep(field) {
            let raw = IMAPPartLocator.bytes(octets, field.byteRange)
            output.append(contentsOf: raw)
            if raw.last != IMAPCharacterClass.lf { output += [IMAPCharacterClass.cr, IMAPCharacterClass.lf] }
        }
        return output + [IMAPCharacterClass.cr, IMAPCharacterClass.lf]
    }
}
