/// A character set named in a MIME `charset` parameter (RFC 2045 §5.1,
/// RFC 2046 §4.1.2), an RFC 2047 encoded word or an RFC 2231 parameter value.
///
/// UTF-8, US-ASCII, ISO-8859-1, ISO-8859-15 and Windows-1252 decode fully.
/// Other ISO-8859 and Windows code pages are known only to be ASCII
/// supersets: they decode when every octet is US-ASCII and fail otherwise.
public enum MIMECharset: Sendable, Equatable {
    case utf8
    case usASCII
    case isoLatin1
    case isoLatin9
    case windows1252
    /// An ISO-8859 or Windows code page whose upper half is unknown here.
    case asciiSuperset

    /// Recognizes a charset name, ignoring case; nil when unsupported.
    public init?(name: some StringProtocol) {
        let key = name.lowercased()
        switch key {
        case "utf-8", "utf8": self = .utf8
        case "us-ascii", "ascii", "ansi_x3.4-1968": self = .usASCII
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "cp819": self = .isoLatin1
        case "iso-8859-15", "iso8859-15", "iso_8859-15", "latin9", "latin-9": self = .isoLatin9
        case "windows-1252", "cp1252", "x-cp1252": self = .windows1252
        default:
            guard key.hasPrefix("iso-8859-") || key.hasPrefix("windows-125") else { return nil }
            self = .asciiSuperset
        }
    }

    /// The text of `bytes`, or nil when they cannot be decoded in this charset.
    /// Invalid UTF-8 (and 8-bit octets labelled US-ASCII) become U+FFFD.
    public func decode(_ bytes: some Collection<UInt8>) -> String? {
        switch self {
        case .utf8, .usASCII:
            return String(decoding: bytes, as: UTF8.self)
        case .isoLatin1:
            return Self.string(bytes.map { Unicode.Scalar($0) })
        case .isoLatin9:
            return Self.string(bytes.map { Unicode.Scalar(MIMECharsetTables.latin9($0)) ?? "\u{FFFD}" })
        case .windows1252:
            return Self.string(bytes.map { Unicode.Scalar(MIMECharsetTables.windows1252($0)) ?? "\u{FFFD}" })
        case .asciiSuperset:
            return bytes.allSatisfy { $0 < 0x80 } ? String(decoding: bytes, as: UTF8.self) : nil
        }
    }

    private static func string(_ scalars: [Unicode.Scalar]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
