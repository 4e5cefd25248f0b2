import MailCore

/// The client side's incremental, bounded parser of server replies
/// (RFC 5321 §4.2): `code-text` continuation lines and a final `code text`
/// line, each ending in CRLF only, with the RFC 2034 enhanced code taken off
/// the text when the first line carries one whose class matches the code.
///
/// Bytes go in with `append(_:)`; `next()` returns each complete reply, nil
/// when more bytes are needed, or throws once the stream is malformed (the
/// connection cannot be trusted after that). Memory is bounded by
/// `maximumLineLength` (RFC 5321 §4.5.3.1.5: 512 octets with the CRLF) and
/// `maximumLines`.
public struct SMTPReplyParser: Sendable {
    /// Why the server's reply stream is unusable.
    public enum Failure: Error, Equatable, Sendable {
        case lineTooLong
        case tooManyLines
        case bareNewline
        case malformedLine
        case inconsistentCode
    }

    /// The longest reply line in octets, CRLF included (RFC 5321 §4.5.3.1.5).
    public static let maximumLineLength = 512
    /// The most lines one reply may have; an EHLO reply has one per extension.
    public static let maximumLines = 100

    private var framer = SMTPCommandFramer(maximumLineLength: maximumLineLength - 2)
    private var buffer: [UInt8] = []
    private var start = 0
    private var code: Int?
    private var lines: [ArraySlice<UInt8>] = []

    public init() {}

    /// Adds bytes read from the server.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Drops everything buffered, as after a 220 to STARTTLS (RFC 3207 §4.2:
    /// nothing read before the handshake may be used after it).
    public mutating func reset() {
        self = SMTPReplyParser()
    }

    /// The next complete reply, or nil when more bytes are needed.
    public mutating func next() throws(Failure) -> SMTPReply? {
        while let (frame, end) = framer.next(in: buffer, from: start) {
            start = end
            switch frame {
            case .tooLong: throw .lineTooLong
            case .bareNewline: throw .bareNewline
            case .line(let line):
                if let reply = try take(line) { return reply }
            }
        }
        return nil
    }

    /// Adds one line to the reply being read; returns the reply after its last line.
    private mutating func take(_ line: ArraySlice<UInt8>) throws(Failure) -> SMTPReply? {
        let digits = line.prefix(3)
        guard digits.count == 3, digits.allSatisfy({ (48...57).contains($0) }),
              (50...53).contains(digits.first!) else { throw .malformedLine }
        let lineCode = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
        guard code == nil || code == lineCode else { throw .inconsistentCode }
        let separator = line.dropFirst(3).first
        guard separator == nil || separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw .malformedLine
        }
        guard lines.count < Self.maximumLines else { throw .tooManyLines }
        code = lineCode
        lines.append(line.dropFirst(4))
        guard separator != UInt8(ascii: "-") else { return nil }
        defer {
            code = nil
            lines = []
        }
        return Self.reply(lineCode, lines)
    }

    /// Builds the reply, taking the enhanced code off every line that starts with it.
    private static func reply(_ code: Int, _ lines: [ArraySlice<UInt8>]) -> SMTPReply {
        let texts = lines.map { String(decoding: $0, as: UTF8.self) }
        let firstWord = texts[0].split(separator: " ", maxSplits: 1).first ?? ""
        guard let enhanced = EnhancedStatusCode(firstWord), enhanced.statusClass == code / 100 else {
            return SMTPReply(code, nil, lines: texts)
        }
        let prefix = enhanced.description
        return SMTPReply(code, enhanced, lines: texts.map { text in
            guard text.hasPrefix(prefix) else { return text }
            return String(text.dropFirst(prefix.count).drop { $0 == " " })
        })
    }
}
