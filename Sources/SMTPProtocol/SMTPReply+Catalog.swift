import MailCore

/// Every reply the SMTP server sends for a protocol-level condition, in one table
/// so codes stay consistent (RFC 5321 §4.2.2-4.2.3, enhanced codes RFC 3463 §3).
extension SMTPReply {
    public static let ok = SMTPReply(250, EnhancedStatusCode(2, 0, 0), "Ok")
    public static let senderOk = SMTPReply(250, EnhancedStatusCode(2, 1, 0), "Ok")
    public static let recipientOk = SMTPReply(250, EnhancedStatusCode(2, 1, 5), "Ok")
    public static let startMailInput = SMTPReply(354, nil, "End data with <CR><LF>.<CR><LF>")
    public static let resetOk = SMTPReply(250, EnhancedStatusCode(2, 0, 0), "Ok")
    public static let vrfyCannotVerify = SMTPReply(252, EnhancedStatusCode(2, 0, 0),
        "Cannot VRFY user, but will accept message and attempt delivery")

    public static func closing(_ hostname: String) -> SMTPReply {
        SMTPReply(221, EnhancedStatusCode(2, 0, 0), "\(hostname) Bye")
    }
    public static func serviceUnavailable(_ hostname: String, _ why: String) -> SMTPReply {
        SMTPReply(421, EnhancedStatusCode(4, 3, 2), "\(hostname) \(why)")
    }
    public static func timeout(_ hostname: String) -> SMTPReply {
        SMTPReply(421, EnhancedStatusCode(4, 4, 2), "\(hostname) Error: timeout exceeded")
    }
    public static func tooManyErrors(_ hostname: String) -> SMTPReply {
        SMTPReply(421, EnhancedStatusCode(4, 7, 0), "\(hostname) Error: too many errors")
    }
    public static func tooManyConnections(_ hostname: String) -> SMTPReply {
        SMTPReply(421, EnhancedStatusCode(4, 7, 0), "\(hostname) Error: too many connections from your address")
    }

    public static let commandUnrecognized = SMTPReply(500, EnhancedStatusCode(5, 5, 2), "Error: command not recognized")
    public static let commandLineTooLong = SMTPReply(500, EnhancedStatusCode(5, 5, 2), "Error: line too long")
    public static let bareNewlineCommand = SMTPReply(500, EnhancedStatusCode(5, 5, 2),
        "Error: bare <CR> or <LF> received; lines must end with <CR><LF>")
    public static let nulInCommand = SMTPReply(500, EnhancedStatusCode(5, 5, 2), "Error: NUL character in command")
    public static func syntax(_ text: String) -> SMTPReply { SMTPReply(501, EnhancedStatusCode(5, 5, 4), text) }
    public static func badSequence(_ text: String) -> SMTPReply { SMTPReply(503, EnhancedStatusCode(5, 5, 1), text) }
    public static func notImplemented(_ text: String) -> SMTPReply { SMTPReply(502, EnhancedStatusCode(5, 5, 1), text) }
    public static func parameterNotImplemented(_ text: String) -> SMTPReply { SMTPReply(555, EnhancedStatusCode(5, 5, 4), text) }
    public static let tooManyRecipients = SMTPReply(452, EnhancedStatusCode(4, 5, 3), "Error: too many recipients")
    public static let messageTooBig = SMTPReply(552, EnhancedStatusCode(5, 3, 4), "Error: message file too big")
    public static let sizeDeclaredTooBig = SMTPReply(552, EnhancedStatusCode(5, 3, 4), "Message size exceeds fixed limit")
    public static let bareNewlineInData = SMTPReply(550, EnhancedStatusCode(5, 5, 2),
        "Error: bare <CR> or <LF> received; message lines must end with <CR><LF>")
    public static func dataLineTooLong(_ limit: Int) -> SMTPReply {
        SMTPReply(554, EnhancedStatusCode(5, 6, 0), "Error: message line longer than \(limit) octets (RFC 5321 4.5.3.1.6)")
    }
    public static let nonASCIIAddressWithoutSMTPUTF8 = SMTPReply(553, EnhancedStatusCode(5, 6, 7),
        "Error: non-ASCII address requires the SMTPUTF8 parameter")
    public static let needRecipients = SMTPReply(554, EnhancedStatusCode(5, 5, 1), "Error: no valid recipients")
    public static let localError = SMTPReply(451, EnhancedStatusCode(4, 3, 0), "Error: queue file write error")
    public static let mustStartTLS = SMTPReply(530, EnhancedStatusCode(5, 7, 0), "Must issue a STARTTLS command first")
    public static let insufficientStorage = SMTPReply(452, EnhancedStatusCode(4, 3, 1), "Insufficient system storage")
    /// A message that has passed `hopcount_limit` hosts (RFC 5321 §6.3; RFC 3463 X.4.6, routing loop detected).
    public static let tooManyHops = SMTPReply(554, EnhancedStatusCode(5, 4, 6), "Error: too many hops")
}
