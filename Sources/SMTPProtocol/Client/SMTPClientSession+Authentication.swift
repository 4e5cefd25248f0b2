extension SMTPClientSession {
    /// RFC 4954 §4 AUTH when credentials exist and the server offers it: the
    /// first of the configured mechanisms the server also offers. Without TLS
    /// a mechanism that sends the password itself (PLAIN, LOGIN) is used only
    /// when allowed; SCRAM proves the password without revealing it. Every
    /// failure defers the mail, as Postfix's `smtp_sasl_auth_soft_bounce` does.
    mutating func authenticateOrBecomeReady() -> [SMTPClientAction] {
        guard configuration.hasCredentials, !extensions.authMechanisms.isEmpty else { return becomeReady() }
        let offered = extensions.authMechanisms
        let plaintextForbidden = !isTLS && !configuration.allowPlaintextAuth
        let usable = configuration.saslMechanisms.filter { !plaintextForbidden || !Self.revealsPassword($0) }
        if plaintextForbidden, !usable.contains(where: { offered.contains($0.uppercased()) }),
           configuration.saslMechanisms.contains(where: { offered.contains($0.uppercased()) }) {
            return fail(.deferred("SASL authentication refused: the connection is not encrypted "
                                  + "and the security options forbid plaintext authentication"), sayQuit: true)
        }
        guard let mechanism = usable.first(where: { offered.contains($0.uppercased()) }) else {
            return fail(.deferred("SASL authentication failed: no mechanism available (server offers "
                                  + offered.joined(separator: " ") + ")"), sayQuit: true)
        }
        stage = .saslDriver(mechanism: mechanism, initial: true)
        return [.authenticate(mechanism: mechanism, serverChallenge: nil)]
    }

    /// True for mechanisms that put the password itself on the wire.
    static func revealsPassword(_ mechanism: String) -> Bool {
        ["PLAIN", "LOGIN"].contains(mechanism.uppercased())
    }

    /// 334 carries a challenge for the driver, 235 ends the exchange; anything
    /// else fails the connection.
    mutating func authenticationReply(_ reply: SMTPReply, mechanism: String) -> [SMTPClientAction] {
        switch reply.code {
        case 334:
            stage = .saslDriver(mechanism: mechanism, initial: false)
            return [.authenticate(mechanism: mechanism, serverChallenge: reply.lines[0])]
        case 235:
            return becomeReady()
        default:
            return fail(SMTPClientFailure(reply: reply, reason: "SASL authentication failed; server said: \(reply)",
                                          isTemporary: true), sayQuit: true)
        }
    }
}
