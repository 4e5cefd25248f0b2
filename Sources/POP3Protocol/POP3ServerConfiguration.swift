/// The options and limits one POP3 server session works with; the app fills
/// it from its configuration (Dovecot's setting names in the comments).
public struct POP3ServerConfiguration: Sendable {
    /// Named in the sign-off response (RFC 1939 §6).
    public var hostname: String
    /// The greeting's text after `+OK ` (`login_greeting`). It must not contain
    /// `<`, which would read as an APOP timestamp (RFC 2449 §3 `gchar`).
    public var greeting: String
    /// Whether USER/PASS and the plaintext SASL mechanisms (PLAIN, LOGIN) are
    /// allowed on a connection without TLS (`disable_plaintext_auth = no`).
    public var allowPlaintextWithoutTLS = false
    /// Whether STLS is offered (the listener can start TLS, RFC 2595 §4).
    public var stlsOffered = false
    /// The connection is TLS from the start (port 995, RFC 8314).
    public var tlsFromStart = false
    /// The SASL mechanisms offered (RFC 5034), upper case, in CAPA order.
    public var saslMechanisms = ["PLAIN", "SCRAM-SHA-256"]
    /// The IMPLEMENTATION capability's text (RFC 2449 §6.9); nil leaves it out.
    public var implementation: String? = "Carrier"
    /// `-ERR` responses before the session is closed (Dovecot's bad-command limit).
    public var maximumBadCommands = 20
    /// Complete commands a client may queue behind one that waits for the
    /// transport (PIPELINING, RFC 2449 §6.6); more closes the session.
    public var maximumQueuedCommands = 1000
    /// Longest SASL response line with its CRLF (RFC 5034 §4 sets no limit;
    /// 12288 is RFC 4954's and CarrierAuth's).
    public var maximumSASLLineLength = 12_288

    public init(hostname: String, greeting: String? = nil) {
        self.hostname = hostname
        self.greeting = greeting ?? "\(hostname) POP3 server ready"
    }

    /// SASL mechanisms that send the password in the clear (RFC 4616 §6).
    static let plaintextMechanisms: Set<String> = ["PLAIN", "LOGIN"]

    /// Whether passwords may be sent in the clear on this connection now.
    func plaintextAllowed(tlsActive: Bool) -> Bool { tlsActive || allowPlaintextWithoutTLS }

    /// The SASL mechanisms usable on this connection now.
    func usableMechanisms(tlsActive: Bool) -> [String] {
        saslMechanisms.filter { plaintextAllowed(tlsActive: tlsActive) || !Self.plaintextMechanisms.contains($0) }
    }

    /// The CAPA list (RFC 2449 §5-6): authentication capabilities only in the
    /// AUTHORIZATION state, and only those usable now.
    func capabilities(state: POP3SessionState, tlsActive: Bool) -> [String] {
        var list = ["TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "EXPIRE NEVER", "LOGIN-DELAY 0", "UTF8 USER"]
        if state == .authorization {
            if plaintextAllowed(tlsActive: tlsActive) { list.append("USER") }
            let mechanisms = usableMechanisms(tlsActive: tlsActive)
            if !mechanisms.isEmpty { list.append("SASL " + mechanisms.joined(separator: " ")) }
            if stlsOffered && !tlsActive { list.append("STLS") }
        }
        if let implementation { list.append("IMPLEMENTATION " + implementation) }
        return list
    }
}
