/// RFC 5802 §7 `client-first-message`: the gs2 header (channel binding flag and
/// optional authzid) and the bare part (username, client nonce, extensions).
struct SCRAMClientFirstMessage: Equatable, Sendable {
    /// `n,,` / `y,,` / `n,a=NAME,` exactly as received; the client-final's `c=`
    /// must be its base64 (RFC 5802 §6).
    let gs2Header: String
    /// The decoded `a=` authorization identity, if any.
    let authorizationID: String?
    /// The decoded `n=` username.
    let username: String
    let clientNonce: String
    /// `client-first-message-bare` as received, the start of the AuthMessage.
    let bare: String

    /// Parses the message. `p=` (channel binding required) is
    /// `.unsupportedChannelBinding`; `y` is accepted because Carrier does not
    /// advertise `-PLUS` (RFC 5802 §6); a leading `m=` mandatory extension and
    /// any other deviation are `.malformedResponse`.
    init(parsing text: String) throws(SASLFailure) {
        let header = text.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
        guard header.count == 3 else { throw .malformedResponse }
        let flag = header[0], authzid = header[1]
        if flag.hasPrefix("p=") { throw .unsupportedChannelBinding }
        guard flag == "n" || flag == "y" else { throw .malformedResponse }
        if authzid.isEmpty {
            authorizationID = nil
        } else {
            guard authzid.hasPrefix("a=") else { throw .malformedResponse }
            authorizationID = try SCRAMSyntax.decodeSaslname(authzid.dropFirst(2))
        }
        gs2Header = "\(flag),\(authzid),"
        bare = String(header[2])

        let attributes = SCRAMSyntax.attributes(bare)
        guard attributes.count >= 2, attributes[0].hasPrefix("n="), attributes[1].hasPrefix("r="),
              attributes.dropFirst(2).allSatisfy(SCRAMSyntax.isExtension) else { throw .malformedResponse }
        username = try SCRAMSyntax.decodeSaslname(attributes[0].dropFirst(2))
        let nonce = attributes[1].dropFirst(2)
        guard SCRAMSyntax.isNonce(nonce) else { throw .malformedResponse }
        clientNonce = String(nonce)
    }
}
