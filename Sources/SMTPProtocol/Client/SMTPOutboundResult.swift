import MailCore

/// The outcome of one `SMTPOutboundMessage` (RFC 5321 §3.3): one entry per
/// recipient, in envelope order, and the failure of the message as a whole
/// when it did not get through (MAIL, DATA or BDAT rejected, connection lost).
public struct SMTPOutboundResult: Equatable, Sendable {
    /// What happened to one recipient.
    public enum Outcome: Equatable, Sendable {
        /// The server took responsibility: its final reply to DATA or BDAT.
        case delivered(SMTPReply)
        case failed(SMTPClientFailure)
    }

    /// One recipient's outcome.
    public struct Recipient: Equatable, Sendable {
        public var address: EmailAddress
        public var outcome: Outcome

        public init(address: EmailAddress, outcome: Outcome) {
            self.address = address
            self.outcome = outcome
        }
    }

    public var recipients: [Recipient]
    /// nil when the message went through for at least the delivered recipients.
    public var messageFailure: SMTPClientFailure?

    public init(recipients: [Recipient], messageFailure: SMTPClientFailure?) {
        self.recipients = recipients
        self.messageFailure = messageFailure
    }
}
