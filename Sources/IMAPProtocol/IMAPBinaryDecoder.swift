import MailCore

/// The octets of a BINARY[part] (RFC 9051 §6.4.5, RFC 3516 §4.2): the
/// part's body with its Content-Transfer-Encoding removed.
public enum IMAPBinaryDecoder {
    /// Why BINARY cannot answer.
    public enum Failure: Error, Sendable, Equatable {
        /// No such part: answer NIL or NO.
        case nonexistentPart
        /// A multipart or message/rfc822 part; BINARY is for leaf parts only.
        case notALeafPart
        /// An encoding the server cannot decode: answer `NO [UNKNOWN-CTE]`.
        case unknownTransferEncoding(String)
    }

    /// The decoded body of the part at `path`. An empty path gives the whole
    /// message unchanged. Decoded text/* parts have their line breaks made
    /// CRLF, as §7.5.2 requires.
    public static func decode(part path: [Int], from message: [UInt8], tree: MIMEPart) -> Result<[UInt8], Failure> {
        guard !path.isEmpty else { return .success(message) }
        guard let part = IMAPPartLocator.part(path, in: tree) else { return .failure(.nonexistentPart) }
        guard !part.contentType.isMultipart, !part.contentType.isEncapsulatedMessage else { return .failure(.notALeafPart) }
        let body = IMAPPartLocator.bytes(message, part.bodyRange)
        switch part.contentTransferEncoding {
        case "7bit", "8bit", "binary":
            return .success(Array(body))
        case "base64", "quoted-printable":
            let decoded = part.contentTransferEncoding == "base64"
                ? TransferEncoding.decodeBase64(body) : TransferEncoding.decodeQuotedPrintable(body)
            return .success(part.contentType.type == "text" ? crlfLines(decoded) : decoded)
        default:
            return .failure(.unknownTransferEncoding(part.contentTransferEncoding))
        }
    }

    /// The decoded size of the part, for BINARY.SIZE.
    public static func size(part path: [Int], from message: [UInt8], tree: MIMEPart) -> Result<Int, Failure> {
        decode(part: path, from: message, tree: tree).map(\.count)
    }

    /// Bare LF and bare CR become CRLF.
    private static func crlfLines(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == IMAPCharacterClass.cr || byte == IMAPCharacterClass.lf {
                output += [IMAPCharacterClass.cr, IMAPCharacterClass.lf]
                if byte == IMAPCharacterClass.cr, index + 1 < bytes.count, bytes[index + 1] == IMAPCharacterClass.lf { index += 1 }
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }
}
