/// The AUTHORIZATION state (RFC 1939 §4, §7): USER/PASS, AUTH (RFC 5034),
/// STLS (RFC 2595 §4), then opening the maildrop.
extension POP3ServerSession {
    /// USER is answered `+OK` whether or not the user exists (RFC 1939 §13:
    /// telling would help an attacker); PASS decides.
    mutating func user(_ name: String, into actions: inout [POP3ServerAction]) {
        if let refusal = credentialRefusal(name) {
            respond(refusal, into: &actions)
            return
        }
        pendingUser = name
        respond(.ok(), into: &actions)
    }

    mutating func pass(_ password: String, user: String?, into actions: inout [POP3ServerAction]) {
        if let refusal = credentialRefusal(password) {
            respond(refusal, into: &actions)
            return
        }
        guard let user else {
            respond(.noUsername, into: &actions)
            return
        }
        waiting = .password
        actions.append(.verifyPassword(user: user, password: password))
    }

    /// Plaintext passwords need TLS unless configured otherwise; UTF-8 ones
    /// need UTF8 mode first (RFC 6856).
    func credentialRefusal(_ text: String) -> POP3Response? {
        if !configuration.plaintextAllowed(tlsActive: tlsActive) { return .plaintextDisallowed }
        if !utf8Enabled && text.utf8.contains(where: { $0 >= 0x80 }) { return .utf8Required }
        return nil
    }

    /// RFC 5034 §4; `AUTH` alone lists the mechanisms usable now, as Dovecot does.
    mutating func auth(_ mechanism: String?, _ initialResponse: String?, into actions: inout [POP3ServerAction]) {
        let usable = configuration.usableMechanisms(tlsActive: tlsActive)
        guard let mechanism else {
            actions.append(.send(POP3Response.ok().encoded(lines: usable)))
            return
        }
        if !usable.contains(mechanism) {
            let plaintext = configuration.saslMechanisms.contains(mechanism)
            respond(plaintext ? .plaintextDisallowed : .unsupportedMechanism, into: &actions)
            return
        }
        waiting = .sasl
        actions.append(.authenticate(mechanism: mechanism, initialResponse: initialResponse))
    }

    /// RFC 2595 §4: `+OK`, then TLS; nothing the client pipelined after STLS
    /// is kept (the client must wait, and CVE-2011-0411 shows why the server
    /// must not trust it to).
    mutating func stls(into actions: inout [POP3ServerAction]) {
        guard !tlsActive else {
            respond(.tlsAlreadyActive, into: &actions)
            return
        }
        guard configuration.stlsOffered else {
            respond(.tlsUnavailable, into: &actions)
            return
        }
        respond(.beginTLS, into: &actions)
        framer.removeAll()
        waiting = .tls
        actions.append(.startTLS)
    }

    /// The maildrop is locked: the TRANSACTION state begins (RFC 1939 §4).
    mutating func opened(_ maildrop: POP3Maildrop, into actions: inout [POP3ServerAction]) {
        self.maildrop = maildrop
        maildropLocked = true
        state = .transaction
        respond(.maildropSummary(count: maildrop.count, octets: maildrop.octets), into: &actions)
    }
}
