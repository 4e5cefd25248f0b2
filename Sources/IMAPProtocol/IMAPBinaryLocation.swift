import MailCore

/// The octets of a BINARY[part] in the stored message and how to decode
/// them.
public struct IMAPBinaryLocation: Sendable, Equatable {
    /// A Content-Transfer-Encoding that BINARY removes.
    public enum Encoding: Sendable, Equatable {
        case base64
        case quotedPrintable
    }

    /// The part's body (the whole message for an empty path).
    public var range: Range<Int>
    /// nil when the octets are sent as they are (7bit, 8bit, binary).
    public var encoding: Encoding?
    /// A text/* part: decoded, its line breaks become CRLF (RFC 9051 §7.5.2).
    public var isText: Bool

    public init(range: Range<Int>, encoding: Encoding? = nil, isText: Bool = false) {
        self.range = range
        self.encoding = encoding
        self.isText = isText
    }

    /// The decoded size when it is known without reading the octets.
    public var sizeWithoutDecoding: Int? {
        encoding == nil ? range.count : nil
    }

    /// The octets of `range`, decoded.
    public func decode(_ octets: [UInt8]) -> [UInt8] {
        let decoded: [UInt8]
        switch encoding {
        case nil: return octets
        case .base64: decoded = TransferEncoding.decodeBase64(octets)
        case .quotedPrintable: decoded = TransferEncoding.decodeQuotedPrintable(octets)
        }
        return isText ? Self.crlfLines(decoded) : decoded
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
