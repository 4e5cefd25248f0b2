extension SASLServerExchange {
    /// Checks a PLAIN or LOGIN password against the looked-up hash; with none,
    /// against a decoy hash of the same cost, then fails all the same.
    mutating func verifyPassword(_ password: String, authenticationID: String, authorizationID: String?,
                                 against hash: PasswordHash?) -> SASLStep {
        let verified = (hash ?? SASLDecoyCredentials.hash(for: authenticationID)).verify(password: password)
        guard verified, hash != nil else { return fail(.invalidCredentials) }
        return succeed(authenticationID, authorizationID)
    }

    /// Records user and password and asks the transport for the user's hash.
    mutating func lookUp(_ username: String, password: String, authorizationID: String?) -> SASLStep {
        authenticationID = username
        state = .awaitingPasswordCredentials(authenticationID: username, password: password, authorizationID: authorizationID)
        return .lookup(authenticationID: username)
    }
}
