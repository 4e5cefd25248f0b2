/// Rewrites one part of a parsed message, and its children, for
/// `SevenBitConversion`. Every octet it does not rewrite is copied from the
/// source; nil means the part stays exactly as it is.
struct SevenBitPartConverter {
    private static let crlf: [UInt8] = [RFC5322ASCII.cr, RFC5322ASCII.lf]

    /// The message the parts were parsed from.
    let source: [UInt8]

    /// The part's new octets, header to end of body, or nil if unchanged.
    /// `isMessage` marks a whole message: the top level or the content of a
    /// message/rfc822 part.
    func convert(_ part: MIMEPart, isMessage: Bool) -> [UInt8]? {
        let range = part.headerRange.lowerBound..<part.bodyRange.upperBound
        guard !part.header.isTruncated, source[range].contains(where: SevenBitConversion.isEightBit) else { return nil }
        return part.children.isEmpty ? convertLeaf(part, isMessage: isMessage) : convertComposite(part, isMessage: isMessage)
    }

    /// A discrete part in an identity encoding (RFC 2045 §6.2) with an
    /// 8-bit body becomes quoted-printable. Composite parts left without
    /// children (no boundary, too deep) may not be encoded (RFC 2045 §6.4).
    private func convertLeaf(_ part: MIMEPart, isMessage: Bool) -> [UInt8]? {
        let body = source[part.bodyRange]
        guard !["multipart", "message"].contains(part.contentType.type),
              ["7bit", "8bit"].contains(part.contentTransferEncoding),
              body.contains(where: SevenBitConversion.isEightBit) else { return nil }
        return header(of: part, transferEncoding: "quoted-printable", isMessage: isMessage)
            + TransferEncoding.encodeQuotedPrintable(body)
    }

    /// A multipart or message/rfc822 part: its children are converted and
    /// everything between them (preamble, delimiters, epilogue) is copied.
    private func convertComposite(_ part: MIMEPart, isMessage: Bool) -> [UInt8]? {
        var body: [UInt8] = []
        var cursor = part.bodyRange.lowerBound
        var changed = false
        for child in part.children {
            let childRange = child.headerRange.lowerBound..<child.bodyRange.upperBound
            body += source[cursor..<childRange.lowerBound]
            if let converted = convert(child, isMessage: part.contentType.isEncapsulatedMessage) {
                body += converted
                changed = true
            } else {
                body += source[childRange]
            }
            cursor = childRange.upperBound
        }
        guard changed else { return nil }
        body += source[cursor..<part.bodyRange.upperBound]
        let isSevenBit = part.contentTransferEncoding == "8bit" && !body.contains(where: SevenBitConversion.isEightBit)
        return header(of: part, transferEncoding: isSevenBit ? "7bit" : nil, isMessage: isMessage) + body
    }

    /// The part's header and empty line, with the first
    /// Content-Transfer-Encoding field replaced by one naming
    /// `transferEncoding` (added if there was none, later ones dropped)
    /// and MIME-Version added to a message that lacks it. nil
    /// `transferEncoding` leaves the encoding fields alone.
    private func header(of part: MIMEPart, transferEncoding: String?, isMessage: Bool) -> [UInt8] {
        let start = part.headerRange.lowerBound
        var output: [UInt8] = []
        var cursor = start
        var added: [UInt8] = []
        if isMessage && part.header["mime-version"] == nil { added += Array("MIME-Version: 1.0\r\n".utf8) }
        if let transferEncoding {
            let field = Array("Content-Transfer-Encoding: \(transferEncoding)\r\n".utf8)
            let existing = part.header.fields(named: "content-transfer-encoding")
            if existing.isEmpty { added += field }
            for (index, old) in existing.enumerated() {
                output += source[cursor..<(start + old.byteRange.lowerBound)]
                if index == 0 { output += field }
                cursor = start + old.byteRange.upperBound
            }
        }
        output += source[cursor..<part.headerRange.upperBound] + added
        if !added.isEmpty && !part.header.hasBodySeparator { output += Self.crlf }
        return output + source[part.headerRange.upperBound..<part.bodyRange.lowerBound]
    }
}
