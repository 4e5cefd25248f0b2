/// One SASL exchange on the client side (RFC 4422 §3), a value type without
/// I/O used by the SMTP client (RFC 4954 §4): PLAIN (RFC 4616), LOGIN and
/// SCRAM-SHA-256 (RFC 5802, RFC 7677). Messages in and out are base64.
///
/// Call `start()` for the initial response (nil for LOGIN, which has none),
/// then `respond(to:)` with each server challenge. For SCRAM the last
/// challenge is the server-final message, whose signature is checked:
/// `isComplete` is true only once the server has proved itself.
public struct SASLClientExchange: Sendable {
    /// The largest SCRAM iteration count accepted, so a hostile server cannot
    /// make the client spin.
    public static let maximumIterations = 10_000_000

    enum State: Sendable {
        case initial
        case awaitingLoginUsernamePrompt
        case awaitingLoginPasswordPrompt
        case awaitingSCRAMServerFirst(clientFirstBare: String)
        case awaitingSCRAMServerFinal(expectedSignature: [UInt8])
        case complete
    }

    public let mechanism: SASLMechanism
    let username: String
    let password: String
    let clientNonce: String
    var state = State.initial

    /// - Parameter clientNonce: printable ASCII without `,` (RFC 5802 §7), random per exchange.
    public init(mechanism: SASLMechanism, username: String, password: String, clientNonce: String) {
        precondition(SCRAMSyntax.isNonce(clientNonce), "a SCRAM nonce is printable ASCII without ','")
        self.mechanism = mechanism
        self.username = username
        self.password = password
        self.clientNonce = clientNonce
    }

    /// True once the client has said all and, for SCRAM, verified the server.
    public var isComplete: Bool {
        if case .complete = state { return true }
        return false
    }

    /// The initial response (RFC 4954 §4), or nil when the mechanism has none.
    public mutating func start() -> String? {
        guard case .initial = state else { return nil }
        switch mechanism {
        case .plain:
            state = .complete
            return SASLBase64.encode([0] + Array(username.utf8) + [0] + Array(password.utf8))
        case .login:
            state = .awaitingLoginUsernamePrompt
            return nil
        case .scramSHA256:
            let bare = "n=\(Self.saslname(username)),r=\(clientNonce)"
            state = .awaitingSCRAMServerFirst(clientFirstBare: bare)
            return SASLBase64.encode(("n,," + bare).utf8)
        }
    }

    /// The base64 answer to one base64 server challenge.
    public mutating func respond(to challenge: String) throws(SASLClientFailure) -> String {
        guard let decoded = SASLBase64.decode(challenge) else { throw .malformedChallenge }
        switch state {
        case .initial, .complete:
            throw .unexpectedChallenge
        case .awaitingLoginUsernamePrompt:
            state = .awaitingLoginPasswordPrompt
            return SASLBase64.encode(username.utf8)
        case .awaitingLoginPasswordPrompt:
            state = .complete
            return SASLBase64.encode(password.utf8)
        case .awaitingSCRAMServerFirst(let bare):
            return try scramClientFinal(decoded, clientFirstBare: bare)
        case .awaitingSCRAMServerFinal(let expected):
            try scramVerify(decoded, expectedSignature: expected)
            state = .complete
            return ""
        }
    }

    /// RFC 5802 §5.1 `saslname`: `=` as `=3D`, `,` as `=2C`.
    static func saslname(_ name: String) -> String {
        name.replacingOccurrences(of: "=", with: "=3D").replacingOccurrences(of: ",", with: "=2C")
    }
}
