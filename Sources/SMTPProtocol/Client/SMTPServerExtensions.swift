/// What a server announced in its EHLO reply (RFC 5321 §4.1.1.1): the service
/// extensions the client may use. A HELO peer has none.
public struct SMTPServerExtensions: Equatable, Sendable {
    /// RFC 2920.
    public var pipelining = false
    /// RFC 1870 §4: the announced limit; 0 means no fixed limit, nil means no SIZE.
    public var size: Int?
    /// RFC 6152.
    public var eightBitMIME = false
    /// RFC 6531.
    public var smtpUTF8 = false
    /// RFC 3030.
    public var chunking = false
    /// RFC 3461.
    public var dsn = false
    /// RFC 3207.
    public var startTLS = false
    /// RFC 4954 §3: the mechanism names, upper case.
    public var authMechanisms: [String] = []

    public init() {}

    /// Reads the keywords of an EHLO reply; its first line is the greeting.
    /// Keywords are case-insensitive; unknown ones are ignored.
    public init(ehloReply: SMTPReply) {
        for line in ehloReply.lines.dropFirst() {
            let words = line.uppercased().split(separator: " ")
            guard let keyword = words.first else { continue }
            let arguments = words.dropFirst().map(String.init)
            switch keyword {
            case "PIPELINING": pipelining = true
            case "SIZE": size = arguments.first.flatMap { Int($0) } ?? 0
            case "8BITMIME": eightBitMIME = true
            case "SMTPUTF8": smtpUTF8 = true
            case "CHUNKING": chunking = true
            case "DSN": dsn = true
            case "STARTTLS": startTLS = true
            case "AUTH": authMechanisms += arguments
            default: continue
            }
        }
    }
}
