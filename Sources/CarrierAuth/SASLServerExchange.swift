/// One SASL authentication exchange on the server side (RFC 4422 §3), as a
/// value-type state machine without I/O, shared unchanged by SMTP AUTH
/// (RFC 4954), IMAP AUTHENTICATE and POP3 AUTH.
///
/// The transport calls `start(initialResponse:)`, then `receive(_:)` with each
/// client line after a `.challenge`, and `credentials(_:)` with the stored
/// hash after a `.lookup`, until a `.success` or `.failure`. A call out of
/// that sequence ends the exchange with `.malformedResponse`.
///
/// For PLAIN and LOGIN, `credentials(_:)` runs PBKDF2 (`PasswordHash.verify`),
/// which is slow on purpose: call it off any event loop. For SCRAM-SHA-256 it
/// is cheap (the client did the PBKDF2).
public struct SASLServerExchange: Sendable {
    /// The longest response accepted, in octets of base64 (RFC 4954 §4 deems
    /// 12288 sufficient); the decoded octets are fewer still.
    public static let maximumResponseLength = 12_288

    public let mechanism: SASLMechanism
    /// The identity the client claimed, once the exchange has read it.
    public internal(set) var authenticationID: String?
    let serverNonce: String
    var state = State.initial

    /// - Parameter serverNonce: the server's part of the SCRAM nonce, printable
    ///   ASCII without `,` (RFC 5802 §7); use `randomNonce()`.
    public init(mechanism: SASLMechanism, serverNonce: String) {
        precondition(SCRAMSyntax.isNonce(serverNonce), "a SCRAM nonce is printable ASCII without ','")
        self.mechanism = mechanism
        self.serverNonce = serverNonce
    }

    /// Begins the exchange. `initialResponse` is the client's base64 initial
    /// response if it sent one; `=` is an empty one (RFC 4954 §4). None of the
    /// three mechanisms has a valid empty first message, so an empty initial
    /// response is answered like an absent one, with the first challenge.
    public mutating func start(initialResponse: String?) -> SASLStep {
        guard case .initial = state else { return fail(.malformedResponse) }
        guard let initialResponse, initialResponse != "=", !initialResponse.isEmpty else { return firstChallenge() }
        switch Self.decode(initialResponse) {
        case .failure(let failure): return fail(failure)
        case .success(let message): return firstMessage(message)
        }
    }

    /// Takes one client line sent in answer to a `.challenge`: base64, or `*`
    /// to cancel (RFC 4954 §4).
    public mutating func receive(_ line: String) -> SASLStep {
        let handle: (inout SASLServerExchange, [UInt8]) -> SASLStep
        switch state {
        case .awaitingFirstMessage:
            handle = { $0.firstMessage($1) }
        case .awaitingLoginPassword(let username):
            handle = { $0.loginPassword($1, username: username) }
        case .awaitingSCRAMClientFinal(let serverFirst):
            handle = { $0.scramClientFinal($1, serverFirst: serverFirst) }
        case .awaitingSCRAMAcknowledgement(let authenticationID, let authorizationID):
            handle = { $0.scramAcknowledgement($1, authenticationID: authenticationID, authorizationID: authorizationID) }
        case .initial, .awaitingPasswordCredentials, .awaitingSCRAMCredentials, .finished:
            return fail(.malformedResponse)
        }
        if line == "*" { return fail(.aborted) }
        switch Self.decode(line) {
        case .failure(let failure): return fail(failure)
        case .success(let message): return handle(&self, message)
        }
    }

    /// Answers a `.lookup`: `hash` is the user's stored credentials, nil when
    /// there is no such user. An unknown user fails with `.invalidCredentials`
    /// after the same work as a known one (PBKDF2 for PLAIN and LOGIN, a decoy
    /// server-first message for SCRAM), so neither the answer nor its timing
    /// tells which users exist. Slow for PLAIN and LOGIN: see the type's notes.
    public mutating func credentials(_ hash: PasswordHash?) -> SASLStep {
        switch state {
        case .awaitingPasswordCredentials(let authenticationID, let password, let authorizationID):
            return verifyPassword(password, authenticationID: authenticationID, authorizationID: authorizationID, against: hash)
        case .awaitingSCRAMCredentials(let clientFirst):
            return scramServerFirst(clientFirst, credentials: hash)
        case .initial, .awaitingFirstMessage, .awaitingLoginPassword, .awaitingSCRAMClientFinal,
             .awaitingSCRAMAcknowledgement, .finished:
            return fail(.malformedResponse)
        }
    }

    /// The first challenge when the client sent no initial response: the empty
    /// challenge for client-first mechanisms (RFC 4422 §5 2a), `Username:` for LOGIN.
    private mutating func firstChallenge() -> SASLStep {
        state = .awaitingFirstMessage
        return .challenge(mechanism == .login ? Self.usernamePrompt : "")
    }

    private mutating func firstMessage(_ message: [UInt8]) -> SASLStep {
        switch mechanism {
        case .plain: plainMessage(message)
        case .login: loginUsername(message)
        case .scramSHA256: scramClientFirst(message)
        }
    }

    /// Ends the exchange with `failure`.
    mutating func fail(_ failure: SASLFailure) -> SASLStep {
        state = .finished
        return .failure(failure)
    }

    /// Ends the exchange successfully.
    mutating func succeed(_ authenticationID: String, _ authorizationID: String?) -> SASLStep {
        state = .finished
        return .success(authenticationID: authenticationID, authorizationID: authorizationID)
    }

    /// Decodes a client response, enforcing the length limit before decoding.
    private static func decode(_ line: String) -> Result<[UInt8], SASLFailure> {
        guard line.utf8.count <= maximumResponseLength else { return .failure(.responseTooLong) }
        guard let message = SASLBase64.decode(line) else { return .failure(.malformedResponse) }
        return .success(message)
    }
}
