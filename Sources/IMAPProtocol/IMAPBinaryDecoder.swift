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

    /// Where BINARY[path] finds its octets, from the message's MIME
    /// skeleton. An empty path is the whole message, sent unchanged.
    public static func locate(part path: [Int], in skeleton: MIMESkeleton) -> Result<IMAPBinaryLocation, Failure> {
        guard !path.isEmpty else { return .success(IMAPBinaryLocation(range: 0..<skeleton.bodyRange.upperBound)) }
        guard let part = IMAPPartLocator.part(path, in: skeleton) else { return .failure(.nonexistentPart) }
        guard !part.contentType.isMultipart, !part.contentType.isEncapsulatedMessage else { return .failure(.notALeafPart) }
        let isText = part.contentType.type == "text"
        switch part.contentTransferEncoding {
        case "7bit", "8bit", "binary": return .success(IMAPBinaryLocation(range: part.bodyRange))
        case "base64": return .success(IMAPBinaryLocation(range: part.bodyRange, encoding: .base64, isText: isText))
        case "quoted-printable": return .success(IMAPBinaryLocation(range: part.bodyRange, encoding: .quotedPrintable, isText: isText))
        default: return .failure(.unknownTransferEncoding(part.contentTransferEncoding))
        }
    }

    /// The decoded body of the part at `path`, from the whole message and
    /// its parsed MIME tree.
    public static func decode(part path: [Int], from message: [UInt8], tree: MIMEPart) -> Result<[UInt8], Failure> {
        locate(part: path, in: MIMESkeleton(tree)).map { $0.decode(Array(IMAPPartLocator.bytes(message, $0.range))) }
    }

}
