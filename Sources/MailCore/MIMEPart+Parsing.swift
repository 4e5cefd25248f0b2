extension MIMEPart {
    /// Parses a whole message into its MIME tree (RFC 2045, RFC 2046).
    ///
    /// Parts at depth `maxDepth` are leaves even if they are multiparts, and
    /// no more than `maxParts` parts are made (later ones are left out); the
    /// depth is capped at `MailCoreLimits.hardMaxMIMEDepth`. The work is
    /// iterative, never recursive, and linear for a fixed depth limit. A part
    /// with neither header fields nor an empty line is all body.
    public static func parse(
        _ bytes: [UInt8],
        maxDepth: Int = MailCoreLimits.maxMIMEDepth,
        maxParts: Int = MailCoreLimits.maxMIMEParts
    ) -> MIMEPart {
        var builder = MIMETreeBuilder(
            bytes: bytes,
            maxDepth: min(max(0, maxDepth), MailCoreLimits.hardMaxMIMEDepth),
            maxParts: max(1, maxParts)
        )
        return builder.build()
    }

    /// Applies the part's Content-Transfer-Encoding (RFC 2045 §6) to its
    /// body in `message`, the array it was parsed from; other encodings
    /// (7bit, 8bit, binary, unknown) return the body as is.
    public func decodedBody(in message: [UInt8]) -> [UInt8] {
        let lower = min(bodyRange.lowerBound, message.count)
        let body = message[lower..<min(max(lower, bodyRange.upperBound), message.count)]
        switch contentTransferEncoding {
        case "base64": return TransferEncoding.decodeBase64(body)
        case "quoted-printable": return TransferEncoding.decodeQuotedPrintable(body)
        default: return Array(body)
        }
    }
}
