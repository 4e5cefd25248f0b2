/// The ESMTP parameters of `MAIL FROM` that Carrier understands: SIZE (RFC 1870),
/// BODY (RFC 6152), SMTPUTF8 (RFC 6531), RET and ENVID (RFC 3461), AUTH (RFC 4954).
public struct MailParameters: Equatable, Sendable {
    /// RFC 6152 / RFC 3030 body types.
    public enum BodyType: String, Sendable {
        case sevenBit = "7BIT"
        case eightBitMIME = "8BITMIME"
        case binaryMIME = "BINARYMIME"
    }

    /// RFC 3461 §4.3 RET: what a failure DSN returns.
    public enum Return: String, Sendable {
        case full = "FULL"
        case headers = "HDRS"
    }

    public var size: Int?
    public var body: BodyType?
    public var smtpUTF8 = false
    public var dsnReturn: Return?
    /// RFC 3461 §4.4 ENVID, still xtext-encoded.
    public var envelopeID: String?
    /// RFC 4954 §5 AUTH=, still xtext-encoded (`<>` when the submitter is unknown).
    public var auth: String?

    public init() {}
}
