import MailCore

/// The replies the SMTP client makes up for failures it finds before asking
/// the server, for the bounce's diagnostic (RFC 3463 §3 codes, as Postfix).
extension SMTPReply {
    /// RFC 1870 §6: the message is larger than the server's SIZE.
    public static let peerSizeExceeded = SMTPReply(552, EnhancedStatusCode(5, 3, 4),
        "Message size exceeds fixed maximum message size of the remote server")
    /// RFC 6531 §3.5: the message needs SMTPUTF8 and the server lacks it.
    public static let peerLacksSMTPUTF8 = SMTPReply(554, EnhancedStatusCode(5, 6, 7),
        "SMTPUTF8 is required, but was not offered by the remote server")
}
