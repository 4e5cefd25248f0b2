import MailCore

/// One message for `SMTPClientSession` to send (RFC 5321 §3.3): the envelope
/// with its DSN parameters (RFC 3461) and the body, whose lines end in CRLF.
public struct SMTPOutboundMessage: Equatable, Sendable {
    /// nil for the null reverse path `<>`.
    public var sender: EmailAddress?
    /// The recipients, each with its NOTIFY/ORCPT parameters.
    public var recipients: [SMTPTransaction.Recipient]
    /// The message as stored, not dot-stuffed.
    public var body: [UInt8]
    /// The body has octets above 127 (RFC 6152 `BODY=8BITMIME`).
    public var isEightBit: Bool
    /// An address or header needs SMTPUTF8 (RFC 6531 §3.4).
    public var needsSMTPUTF8: Bool
    /// RFC 3461 §4.3 RET.
    public var dsnReturn: MailParameters.Return?
    /// RFC 3461 §4.4 ENVID, already xtext-encoded.
    public var envelopeID: String?

    public init(sender: EmailAddress?, recipients: [SMTPTransaction.Recipient], body: [UInt8],
                isEightBit: Bool = false, needsSMTPUTF8: Bool = false,
                dsnReturn: MailParameters.Return? = nil, envelopeID: String? = nil) {
        self.sender = sender
        self.recipients = recipients
        self.body = body
        self.isEightBit = isEightBit
        self.needsSMTPUTF8 = needsSMTPUTF8
        self.dsnReturn = dsnReturn
        self.envelopeID = envelopeID
    }

    /// The size announced with `SIZE=` (RFC 1870 §6).
    public var size: Int { body.count }
}
