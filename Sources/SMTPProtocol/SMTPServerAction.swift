import MailCore

/// What an `SMTPServerSession` asks its transport to do, in order.
public enum SMTPServerAction: Equatable, Sendable {
    /// Write this reply to the client.
    case send(SMTPReply)
    /// Decide on MAIL FROM; answer with `SMTPServerEvent.senderChecked`.
    case checkSender(EmailAddress?, MailParameters)
    /// Decide on RCPT TO; answer with `SMTPServerEvent.recipientChecked`.
    case checkRecipient(EmailAddress, RcptParameters, SMTPTransaction)
    /// Look up a VRFY argument; answer with `SMTPServerEvent.verified`.
    case verify(String)
    /// Store the complete message durably; answer with `SMTPServerEvent.delivered`.
    case deliver(SMTPTransaction, [UInt8])
    /// The transaction ended without delivery (RSET, a refused message, a new MAIL).
    case transactionAborted
    /// Close the connection after the replies already sent.
    case close
}

/// The answers the transport feeds back into an `SMTPServerSession`.
public enum SMTPServerEvent: Equatable, Sendable {
    case senderChecked(SMTPReply)
    case recipientChecked(SMTPReply)
    case verified(SMTPReply)
    case delivered(SMTPReply)
    /// `smtpd_timeout` passed with no input.
    case timedOut
    /// The server is shutting down.
    case shutdown
}
