import MailCore

/// The envelope of one mail transaction (RFC 5321 §3.3): the reverse path with
/// its MAIL parameters and the accepted recipients with their RCPT parameters.
public struct SMTPTransaction: Equatable, Sendable {
    /// One accepted recipient.
    public struct Recipient: Equatable, Sendable {
        public var address: EmailAddress
        public var parameters: RcptParameters

        public init(address: EmailAddress, parameters: RcptParameters) {
            self.address = address
            self.parameters = parameters
        }
    }

    /// nil for the null reverse path `<>` (bounces).
    public var sender: EmailAddress?
    public var parameters: MailParameters
    public var recipients: [Recipient] = []
    /// `ESMTP`, `SMTP`, `UTF8SMTP`... as Postfix logs `proto=`.
    public var protocolName: String
    public var heloName: String

    public init(sender: EmailAddress?, parameters: MailParameters, protocolName: String, heloName: String) {
        self.sender = sender
        self.parameters = parameters
        self.protocolName = protocolName
        self.heloName = heloName
    }
}
