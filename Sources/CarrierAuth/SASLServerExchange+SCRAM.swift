extension SASLServerExchange {
    /// RFC 5802 §5 client-first-message: parsed, authzid checked, then the
    /// user's hash is asked for.
    mutating func scramClientFirst(_ message: [UInt8]) -> SASLStep {
        guard let text = String(validating: message, as: UTF8.self) else { return fail(.malformedResponse) }
        let clientFirst: SCRAMClientFirstMessage
        do {
            clientFirst = try SCRAMClientFirstMessage(parsing: text)
        } catch {
            return fail(error)
        }
        authenticationID = clientFirst.username
        if let authzid = clientFirst.authorizationID, authzid != clientFirst.username {
            return fail(.authorizationNotAllowed)
        }
        state = .awaitingSCRAMCredentials(clientFirst)
        return .lookup(authenticationID: clientFirst.username)
    }

    /// RFC 5802 §5 server-first-message from the user's salt and iteration
    /// count, or from decoy ones for an unknown user (which then fails at the
    /// proof, exactly like a wrong password).
    mutating func scramServerFirst(_ clientFirst: SCRAMClientFirstMessage, credentials hash: PasswordHash?) -> SASLStep {
        let serverFirst = SCRAMServerFirstMessage(
            clientFirst: clientFirst, nonce: clientFirst.clientNonce + serverNonce,
            credentials: hash ?? SASLDecoyCredentials.hash(for: clientFirst.username), isKnownUser: hash != nil)
        state = .awaitingSCRAMClientFinal(serverFirst)
        return .challenge(SASLBase64.encode(serverFirst.text.utf8))
    }

    /// RFC 5802 §5 client-final-message: channel binding (RFC 5802 §6: `c=`
    /// must be base64 of the gs2 header), nonce and proof are checked; the
    /// server-final `v=ServerSignature` goes out as a last challenge because
    /// SMTP cannot carry data with success (RFC 4954 §4).
    mutating func scramClientFinal(_ message: [UInt8], serverFirst: SCRAMServerFirstMessage) -> SASLStep {
        guard let text = String(validating: message, as: UTF8.self) else { return fail(.malformedResponse) }
        let clientFinal: SCRAMClientFinalMessage
        do {
            clientFinal = try SCRAMClientFinalMessage(parsing: text)
        } catch {
            return fail(error)
        }
        let clientFirst = serverFirst.clientFirst
        guard clientFinal.channelBinding == SASLBase64.encode(clientFirst.gs2Header.utf8),
              clientFinal.nonce == serverFirst.nonce else { return fail(.invalidCredentials) }
        let authMessage = serverFirst.authMessage(clientFinal)
        let verified = serverFirst.credentials.verify(clientProof: clientFinal.proof, authMessage: authMessage)
        guard verified, serverFirst.isKnownUser else { return fail(.invalidCredentials) }
        let signature = ServerSignature.compute(serverKey: serverFirst.credentials.serverKey, authMessage: authMessage)
        state = .awaitingSCRAMAcknowledgement(authenticationID: clientFirst.username, authorizationID: clientFirst.authorizationID)
        return .challenge(SASLBase64.encode(("v=" + SASLBase64.encode(signature)).utf8))
    }

    /// The client's reply to the server-final message, which must be empty.
    mutating func scramAcknowledgement(_ message: [UInt8], authenticationID: String, authorizationID: String?) -> SASLStep {
        guard message.isEmpty else { return fail(.malformedResponse) }
        return succeed(authenticationID, authorizationID)
    }
}
