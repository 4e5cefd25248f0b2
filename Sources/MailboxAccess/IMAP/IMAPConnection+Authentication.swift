import IMAPProtocol
import Ingress

/// STARTTLS, LOGIN, AUTHENTICATE and ENABLE (RFC 9051 §6.2, §6.3.1,
/// RFC 4959 SASL-IR, RFC 5161).
extension IMAPConnection {
    /// The special-use mailboxes every user gets at first login (RFC 6154 §2).
    static let defaultMailboxes = ["INBOX", "Sent", "Drafts", "Trash", "Junk", "Archive"]

    /// RFC 9051 §6.2.1: OK, then the handshake; input sent in the clear
    /// after the command is dropped.
    func startTLS(_ tag: String, _ output: inout ConnectionOutput) -> [UInt8] {
        guard state == .notAuthenticated else { return encode(bad(tag, "Already authenticated")) }
        guard startTLSOffered, !tlsActive else { return encode(bad(tag, "TLS is not available")) }
        framer.discardBufferedInput()
        output.startTLS = true
        return encode(ok(tag, "Begin TLS negotiation now"))
    }

    /// COMPRESS DEFLATE (RFC 4978 §3), once logged in: the tagged OK goes
    /// out plain, everything after it compressed.
    func compress(_ tag: String, mechanism: String, _ output: inout ConnectionOutput) -> [UInt8] {
        guard state == .authenticated || state == .selected else { return encode(bad(tag, "Not authenticated")) }
        guard mechanism == "DEFLATE" else { return encode(bad(tag, "Unknown compression mechanism")) }
        guard !compressionActive else { return encode(bad(tag, "DEFLATE is already active")) }
        compressionActive = true
        framer.discardBufferedInput()
        output.startCompression = true
        return encode(ok(tag, "DEFLATE active"))
    }

    func login(_ tag: String, user: String, password: String) async -> [UInt8] {
        guard state == .notAuthenticated else { return encode(bad(tag, "Already authenticated")) }
        guard plaintextAllowed else {
            return encode(no(tag, "Plaintext authentication disallowed on non-secure connections", .privacyRequired))
        }
        return await completeAuthentication(tag, await authenticator.login(user: user, password: password))
    }

    func authenticate(_ tag: String, mechanism: String, initialResponse: String?) async -> [UInt8] {
        guard state == .notAuthenticated else { return encode(bad(tag, "Already authenticated")) }
        if mechanism == "PLAIN" || mechanism == "LOGIN", !plaintextAllowed {
            return encode(no(tag, "Plaintext authentication disallowed on non-secure connections", .privacyRequired))
        }
        return await completeAuthentication(tag, await authenticator.begin(mechanism, initialResponse))
    }

    /// A client line during AUTHENTICATE: `*` cancels (RFC 9051 §6.2.2).
    func authenticationLine(_ line: [UInt8]) async -> [UInt8] {
        guard let tag = authenticationTag else { return [] }
        authenticationTag = nil
        framer.mode = .commands
        if IMAPContinuationLine.isAuthenticationCancel(line) { return encode(bad(tag, "Authentication aborted")) }
        guard let text = IMAPContinuationLine.authenticationResponse(line) else {
            return encode(bad(tag, "Invalid base64 in authentication response"))
        }
        return await completeAuthentication(tag, await authenticator.receive(text))
    }

    var plaintextAllowed: Bool { tlsActive || !services.ingress.settings.disablePlaintextAuth }

    func completeAuthentication(_ tag: String, _ outcome: AccountAuthenticator.Outcome) async -> [UInt8] {
        switch outcome {
        case .challenge(let text):
            authenticationTag = tag
            framer.mode = .rawLines
            return encode(.continuation(text))
        case .success(_, let name):
            let snapshot = (try? await services.ingress.directory.refreshIfChanged()) ?? services.ingress.directory.snapshot
            guard let record = snapshot.user(address: name) else {
                return encode(no(tag, "Authentication failed", .authenticationFailed))
            }
            do {
                try await services.ingress.store.ensureMailboxes(userID: record.id, names: Self.defaultMailboxes)
            } catch {
                // A full disk must not keep users from reading their mail; the
                // mailboxes are made at a later login.
                log.warning("warning: imap(\(name)): cannot create the special-use mailboxes: \(error)")
            }
            userID = record.id
            account = name
            state = .authenticated
            log.info("imap-login: Login: user=<\(name)>, method=\(authenticator.mechanism), rip=\(client.address)\(tlsActive ? ", TLS" : "")")
            return encode(ok(tag, "Logged in", .capability(capabilities)))
        case .failure(.aborted):
            return encode(bad(tag, "Authentication aborted"))
        case .failure(.malformedResponse), .failure(.responseTooLong):
            return encode(bad(tag, "Invalid authentication response"))
        case .failure:
            return encode(no(tag, "Authentication failed", .authenticationFailed))
        case .lockedOut:
            return encode(no(tag, "Too many failed attempts; try again later", .unavailable))
        case .unsupportedMechanism:
            return encode(no(tag, "Unsupported authentication mechanism", .cannot))
        }
    }

    /// ENABLE (RFC 5161 §3.1): lists only what it turned on.
    func enable(_ tag: String, _ names: [String]) -> [UInt8] {
        guard state == .authenticated else { return encode(bad(tag, "ENABLE is only valid before SELECT")) }
        let supported: Set<String> = ["IMAP4REV2", "CONDSTORE", "QRESYNC", "UTF8=ACCEPT"]
        var turnedOn: [String] = []
        for name in names where supported.contains(name) && !enabled.contains(name) {
            enabled.insert(name)
            turnedOn.append(name == "IMAP4REV2" ? "IMAP4rev2" : name)
        }
        return encode([.untagged(.enabled(turnedOn)), ok(tag, "ENABLE completed")])
    }
}
