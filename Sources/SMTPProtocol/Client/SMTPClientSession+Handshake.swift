extension SMTPClientSession {
    /// Greeting (RFC 5321 §4.3.1), EHLO/HELO (§4.1.1.1, falling back to HELO on
    /// a 5yz to EHLO, §3.2) and STARTTLS (RFC 3207 §4). A server that names
    /// itself with our own name is this host: the mail would loop.
    mutating func handshakeReply(_ reply: SMTPReply) -> [SMTPClientAction] {
        switch stage {
        case .greeting:
            guard reply.code == 220 else {
                // Like Postfix's smtp_skip_5xx_greeting: the next host is tried.
                return fail(SMTPClientFailure(reply: reply, reason: "host refused to talk to me: \(reply)",
                                              isTemporary: true), sayQuit: true)
            }
            if namesThisHost(reply) { return fail(.loopsBack("greeted me"), sayQuit: true) }
            return sendHello("EHLO", stage: .ehlo)
        case .ehlo where reply.code == 250:
            if namesThisHost(reply) { return fail(.loopsBack("replied to EHLO"), sayQuit: true) }
            extensions = SMTPServerExtensions(ehloReply: reply)
            return afterHello()
        case .ehlo where reply.isPermanent:
            return sendHello("HELO", stage: .helo)
        case .helo where reply.code == 250:
            if namesThisHost(reply) { return fail(.loopsBack("replied to HELO"), sayQuit: true) }
            extensions = SMTPServerExtensions()
            return afterHello()
        case .ehlo, .helo:
            return fail(.rejected(reply, inReplyTo: stage == .ehlo ? "EHLO" : "HELO"), sayQuit: true)
        default:
            return startTLSReply(reply)
        }
    }

    /// True when the reply's first word (the server's name, RFC 5321 §4.2) is our
    /// EHLO name, as Postfix's "host greeted me with my own hostname".
    func namesThisHost(_ reply: SMTPReply) -> Bool {
        guard let name = reply.lines.first?.split(separator: " ", maxSplits: 1).first else { return false }
        return name.lowercased() == configuration.ehloName.lowercased()
    }

    mutating func sendHello(_ verb: String, stage next: Stage) -> [SMTPClientAction] {
        stage = next
        return [.send(Array("\(verb) \(configuration.ehloName)\r\n".utf8))]
    }

    private mutating func afterHello() -> [SMTPClientAction] {
        guard !isTLS, configuration.tls != .none else { return authenticateOrBecomeReady() }
        if extensions.startTLS {
            stage = .startTLS
            return [.send(Array("STARTTLS\r\n".utf8))]
        }
        guard configuration.tls != .required else {
            return fail(.deferred("TLS is required, but was not offered by host"), sayQuit: true)
        }
        return authenticateOrBecomeReady()
    }

    /// A 220 starts the handshake and drops whatever else was read; a refusal
    /// goes on in plaintext only when TLS is not required.
    private mutating func startTLSReply(_ reply: SMTPReply) -> [SMTPClientAction] {
        if reply.code == 220 {
            parser.reset()
            stage = .tlsHandshake
            return [.startTLS]
        }
        guard configuration.tls != .required else {
            return fail(SMTPClientFailure(reply: reply, reason: "TLS is required, but host refused STARTTLS: \(reply)",
                                          isTemporary: true), sayQuit: true)
        }
        return authenticateOrBecomeReady()
    }
}
