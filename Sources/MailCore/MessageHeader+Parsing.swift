extension MessageHeader {
    /// Splits `bytes` at the first empty line and parses the header fields.
    ///
    /// Lines may end in CRLF or, tolerantly, in a bare LF (RFC 5322 §2.1 asks
    /// for CRLF). Folded fields are unfolded (§2.2.3); obsolete white space
    /// before the colon is accepted (§4.5). Only the first `maxBytes` octets of
    /// the header section are examined and only `maxFields` fields are kept;
    /// past either, `isTruncated` is set and the rest of the header is skipped,
    /// though `bodyOffset` still points after the real empty line. Runs in time
    /// linear in the header size and never fails.
    public static func parse(
        _ bytes: some Collection<UInt8>,
        maxFields: Int = MailCoreLimits.maxHeaderFields,
        maxBytes: Int = MailCoreLimits.maxHeaderBytes
    ) -> MessageHeader {
        let (headerEnd, bodyOffset, separated) = locateBody(in: bytes)
        let kept = Array(bytes.prefix(min(headerEnd, max(0, maxBytes))))
        var builder = MessageHeaderFieldBuilder(bytes: kept, maxFields: max(0, maxFields))
        builder.run(cutShort: kept.count < headerEnd)
        return MessageHeader(
            fields: builder.fields, headerByteCount: headerEnd, bodyOffset: bodyOffset,
            hasBodySeparator: separated, skippedLineCount: builder.skipped,
            isTruncated: builder.truncated
        )
    }

    /// Finds the empty line: returns the header size, the body offset, and
    /// whether an empty line was found at all.
    private static func locateBody(in bytes: some Collection<UInt8>) -> (Int, Int, Bool) {
        var offset = 0
        var atLineStart = true
        var crAtLineStart = false
        for byte in bytes {
            if byte == RFC5322ASCII.lf && (atLineStart || crAtLineStart) {
                return (crAtLineStart ? offset - 1 : offset, offset + 1, true)
            }
            crAtLineStart = atLineStart && byte == RFC5322ASCII.cr
            atLineStart = byte == RFC5322ASCII.lf
            offset += 1
        }
        return (offset, offset, false)
    }
}
