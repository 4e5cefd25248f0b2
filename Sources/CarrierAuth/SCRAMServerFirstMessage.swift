/// RFC 5802 §7 `server-first-message` (`r=NONCE,s=SALT,i=ITERATIONS`) together
/// with what the server needs to check the client-final-message against it.
struct SCRAMServerFirstMessage: Sendable {
    let clientFirst: SCRAMClientFirstMessage
    /// Client nonce followed by server nonce.
    let nonce: String
    /// The user's credentials, or decoy ones for an unknown user.
    let credentials: PasswordHash
    /// False when `credentials` are a decoy: the exchange then always fails.
    let isKnownUser: Bool

    var text: String {
        "r=\(nonce),s=\(SASLBase64.encode(credentials.salt)),i=\(credentials.iterations)"
    }

    /// RFC 5802 §3 `AuthMessage := client-first-message-bare + "," +
    /// server-first-message + "," + client-final-message-without-proof`.
    func authMessage(_ clientFinal: SCRAMClientFinalMessage) -> String {
        clientFirst.bare + "," + text + "," + clientFinal.withoutProof
    }
}
