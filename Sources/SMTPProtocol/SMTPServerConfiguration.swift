/// The limits and options one SMTP server session works with; the app fills it
/// from `main.cf` (Postfix parameter names in the comments).
public struct SMTPServerConfiguration: Sendable {
    /// `myhostname`: named in the greeting, EHLO reply and closing replies.
    public var hostname: String
    /// `smtpd_banner`: the text after `220 `.
    public var banner: String
    /// `message_size_limit`; 0 means no limit.
    public var maximumMessageSize: Int
    /// `smtpd_max_line_length`: longest message text line including CRLF.
    public var maximumTextLineLength: Int
    /// RFC 5321 §4.5.3.1.4: longest command line including CRLF.
    public var maximumCommandLineLength = 512
    /// Longest MAIL/RCPT/AUTH line, which extension parameters may lengthen.
    public var maximumExtendedCommandLineLength = 2048
    /// `smtpd_recipient_limit`.
    public var maximumRecipients: Int
    /// `smtpd_hard_error_limit`: errors before the session is closed.
    public var hardErrorLimit: Int
    /// `disable_vrfy_command = no` makes VRFY look the address up.
    public var vrfyEnabled: Bool
    /// Whether STARTTLS may be offered (the transport can do TLS on this listener).
    public var startTLSAvailable = false
    /// The connection is TLS from the start (implicit TLS, RFC 8314).
    public var tlsFromStart = false
    /// `smtpd_tls_security_level = encrypt`: MAIL and AUTH only after STARTTLS.
    public var tlsRequired = false
    /// `smtpd_sasl_auth_enable`: the SASL mechanisms offered (empty: AUTH is off).
    public var authMechanisms: [String] = []
    /// `smtpd_tls_auth_only`: AUTH is offered and accepted only over TLS.
    public var authRequiresTLS = true
    /// Submission: MAIL is refused until the client has authenticated.
    public var authRequiredForMail = false
    /// Longest SASL response line (RFC 4954 §4: at least 12288 octets).
    public var maximumSASLLineLength = 12_288

    public init(hostname: String, banner: String, maximumMessageSize: Int = 10_240_000,
                maximumTextLineLength: Int = 1000, maximumRecipients: Int = 1000,
                hardErrorLimit: Int = 20, vrfyEnabled: Bool = false) {
        self.hostname = hostname
        self.banner = banner
        self.maximumMessageSize = maximumMessageSize
        self.maximumTextLineLength = maximumTextLineLength
        self.maximumRecipients = maximumRecipients
        self.hardErrorLimit = hardErrorLimit
        self.vrfyEnabled = vrfyEnabled
    }

    /// The effective size limit used by the receivers.
    var sizeLimit: Int { maximumMessageSize > 0 ? maximumMessageSize : Int.max / 2 }

    /// The EHLO keywords (RFC 5321 §4.1.1.1), in Postfix's order.
    /// The EHLO keywords for a connection in this TLS state.
    func ehloKeywords(tlsActive: Bool) -> [String] {
        var k = ["PIPELINING"]
        if maximumMessageSize > 0 { k.append("SIZE \(maximumMessageSize)") } else { k.append("SIZE") }
        if vrfyEnabled { k.append("VRFY") }
        if startTLSAvailable && !tlsActive { k.append("STARTTLS") }
        if !authMechanisms.isEmpty && (tlsActive || !authRequiresTLS) { k.append("AUTH " + authMechanisms.joined(separator: " ")) }
        k += ["ENHANCEDSTATUSCODES", "8BITMIME", "DSN", "SMTPUTF8", "CHUNKING"]
        return k
    }
}
