extension SASLServerExchange {
    /// RFC 4616 §2: `[authzid] NUL authcid NUL passwd`, UTF-8, authcid and
    /// passwd non-empty. An authzid is accepted only when it equals the authcid
    /// (RFC 4616 §2: the server decides whether authcid may act as authzid).
    mutating func plainMessage(_ message: [UInt8]) -> SASLStep {
        let fields = message.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3, let authenticationID = SASLText.nonEmpty(fields[1]),
              let password = SASLText.nonEmpty(fields[2]) else { return fail(.malformedResponse) }
        var authorizationID: String?
        if !fields[0].isEmpty {
            guard let authzid = SASLText.nonEmpty(fields[0]) else { return fail(.malformedResponse) }
            self.authenticationID = authenticationID
            guard authzid == authenticationID else { return fail(.authorizationNotAllowed) }
            authorizationID = authzid
        }
        return lookUp(authenticationID, password: password, authorizationID: authorizationID)
    }
}
