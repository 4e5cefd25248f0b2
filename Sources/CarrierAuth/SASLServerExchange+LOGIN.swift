extension SASLServerExchange {
    /// LOGIN's first challenge, base64 of `Username:` (draft-murchison-sasl-login §2).
    static let usernamePrompt = "VXNlcm5hbWU6"
    /// LOGIN's second challenge, base64 of `Password:`.
    static let passwordPrompt = "UGFzc3dvcmQ6"

    /// The username (from the initial response or the first reply); asks for the password.
    mutating func loginUsername(_ message: [UInt8]) -> SASLStep {
        guard let username = SASLText.nonEmpty(message) else { return fail(.malformedResponse) }
        authenticationID = username
        state = .awaitingLoginPassword(username: username)
        return .challenge(Self.passwordPrompt)
    }

    /// The password; asks for the user's hash.
    mutating func loginPassword(_ message: [UInt8], username: String) -> SASLStep {
        guard let password = SASLText.nonEmpty(message) else { return fail(.malformedResponse) }
        return lookUp(username, password: password, authorizationID: nil)
    }
}
