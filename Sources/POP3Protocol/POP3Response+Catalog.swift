/// Every response the POP3 server sends for a protocol-level condition, in one
/// table so texts and codes stay consistent. Where RFC 1939, RFC 2449 or
/// RFC 2595 show an example text, it is used; the rest follows Dovecot.
extension POP3Response {
    // MARK: Command syntax

    public static let unknownCommand = err("Unknown command.")
    public static let commandTooLong = err("Command line too long (RFC 2449: at most 255 octets).")
    public static let badLineEnding = err("Lines must end with CRLF.")
    public static let invalidCharacters = err("Invalid characters in command.")
    public static let invalidMessageNumber = err("Invalid message number.")
    public static func syntax(_ usage: String) -> POP3Response { err("Syntax: \(usage)") }
    public static func notValid(in state: POP3SessionState) -> POP3Response {
        err("Command not valid in \(state.name) state.")
    }

    // MARK: AUTHORIZATION (RFC 1939 §4, §7; RFC 5034; RFC 2595 §4; RFC 6856)

    public static let plaintextDisallowed = err(.auth,
        "Plaintext authentication disallowed on non-secure (SSL/TLS) connections.")
    public static let noUsername = err("No username given.")
    public static let utf8Required = err(.utf8, "Send the UTF8 command before UTF-8 user names or passwords.")
    public static let apopUnsupported = err("APOP is not supported.")
    public static let unsupportedMechanism = err("Unsupported authentication mechanism.")
    public static let saslLineTooLong = err("Authentication exchange line is too long.")
    public static let tlsAlreadyActive = err("Command not permitted when TLS active")
    public static let tlsUnavailable = err("TLS is not available.")
    public static let beginTLS = ok("Begin TLS negotiation")
    public static let capabilityList = ok("Capability list follows")
    public static let utf8Enabled = ok("UTF8 enabled")

    /// For the transport to answer `.verifyPassword` or a SASL exchange with:
    /// wrong password, unknown user or bad proof (RFC 3206 §5).
    public static let authenticationFailed = err(.auth, "Authentication failed.")
    /// The client cancelled the SASL exchange with `*` (RFC 5034 §4).
    public static let authenticationAborted = err("Authentication aborted.")
    /// A SASL response that is not base64 or not the mechanism's syntax (RFC 5034 §4).
    public static let malformedAuthenticationResponse = err("Invalid authentication response.")
    /// The credentials could not be checked now (directory down, too many failures).
    public static let temporaryAuthenticationFailure = err(.systemTemporary,
        "Temporary authentication failure, try again later.")

    static func maildropFailed(_ failure: POP3MaildropFailure) -> POP3Response {
        switch failure {
        case .locked: err(.inUse, "Mailbox is locked by another POP3 session.")
        case .temporary: err(.systemTemporary, "Unable to open the mailbox, try again later.")
        case .permanent: err(.systemPermanent, "Unable to open the mailbox.")
        }
    }

    // MARK: TRANSACTION (RFC 1939 §5)

    static func maildropSummary(count: Int, octets: Int) -> POP3Response {
        ok("maildrop has \(count) message\(count == 1 ? "" : "s") (\(octets) octets)")
    }
    static func noSuchMessage(total: Int) -> POP3Response {
        err("no such message, only \(total) message\(total == 1 ? "" : "s") in maildrop")
    }
    static func alreadyDeleted(_ number: Int) -> POP3Response { err("message \(number) already deleted") }
    static func deleted(_ number: Int) -> POP3Response { ok("message \(number) deleted") }
    static func messageUnreadable(_ number: Int) -> POP3Response {
        err(.systemTemporary, "Message \(number) could not be read, try again later.")
    }

    // MARK: UPDATE and closing (RFC 1939 §6)

    static func signingOff(_ hostname: String, left: Int?) -> POP3Response {
        guard let left else { return ok("\(hostname) POP3 server signing off") }
        return ok("\(hostname) POP3 server signing off (\(left == 0 ? "maildrop empty" : "\(left) message\(left == 1 ? "" : "s") left"))")
    }
    static let deletionsFailed = err(.systemTemporary, "some deleted messages not removed")
    static let inactivity = err("Disconnected for inactivity.")
    static let shuttingDown = err("Server shutting down.")
    static let tooManyBadCommands = err("Too many bad commands.")
    static let tooManyPipelinedCommands = err("Too many pipelined commands.")
}
