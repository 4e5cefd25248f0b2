extension SASLServerExchange {
    /// Where the exchange stands: which client input or lookup answer comes next.
    enum State: Sendable {
        case initial
        /// An empty challenge (or LOGIN's `Username:`) was sent.
        case awaitingFirstMessage
        case awaitingLoginPassword(username: String)
        /// PLAIN or LOGIN asked for a lookup; the password waits for the hash.
        case awaitingPasswordCredentials(authenticationID: String, password: String, authorizationID: String?)
        case awaitingSCRAMCredentials(SCRAMClientFirstMessage)
        case awaitingSCRAMClientFinal(SCRAMServerFirstMessage)
        /// The server-final `v=` was sent; the client's empty reply ends it.
        case awaitingSCRAMAcknowledgement(authenticationID: String, authorizationID: String?)
        case finished
    }
}
