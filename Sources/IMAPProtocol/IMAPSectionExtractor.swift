import MailCore

/// The octets of a BODY[section] (RFC 9051 §6.4.5), taken from the message
/// and its parsed MIME tree (`MIMEPart.parse(message)`).
public enum IMAPSectionExtractor {
    /// The section's octets before any partial range; nil when the section
    /// does not exist (a missing part, or HEADER/TEXT of a part that is no
    /// message/rfc822), which the session answers with NIL.
    public static func extract(_ section: IMAPSection, from message: [UInt8], tree: MIMEPart) -> [UInt8]? {
        guard let part = IMAPPartLocator.part(section.part, in: tree) else { return nil }
        guard let text = section.text else {
            return section.part.isEmpty ? message : Array(IMAPPartLocator.bytes(message, part.bodyRange))
        }
        if text == .mime {
            guard !section.part.isEmpty else { return nil }
            return Array(IMAPPartLocator.bytes(message, part.headerRange.lowerBound..<part.bodyRange.lowerBound))
        }
        let target = section.part.isEmpty ? tree : part.encapsulatedMessage
        guard let target else { return nil }
        switch text {
        case .header, .mime:
            return Array(IMAPPartLocator.bytes(message, target.headerRange.lowerBound..<target.bodyRange.lowerBound))
        case .text:
            return Array(IMAPPartLocator.bytes(message, target.bodyRange))
        case .headerFields(let names):
            return headerFields(of: target, in: message) { field in names.contains { field.hasName($0) } }
        case .headerFieldsNot(let names):
            return headerFields(of: target, in: message) { field in !names.contains { field.hasName($0) } }
        }
    }

    /// The chosen fields exactly as written, each ending in a line break,
    /// then the empty line that ends a header.
    private static func headerFields(of part: MIMEPart, in message: [UInt8], where keep: (HeaderField) -> Bool) -> [UInt8] {
        var output: [UInt8] = []
        let base = part.headerRange.lowerBound
        for field in part.header.fields where keep(field) {
            let raw = IMAPPartLocator.bytes(message, (base + field.byteRange.lowerBound)..<(base + field.byteRange.upperBound))
            output.append(contentsOf: raw)
            if raw.last != IMAPCharacterClass.lf { output += [IMAPCharacterClass.cr, IMAPCharacterClass.lf] }
        }
        return output + [IMAPCharacterClass.cr, IMAPCharacterClass.lf]
    }
}
