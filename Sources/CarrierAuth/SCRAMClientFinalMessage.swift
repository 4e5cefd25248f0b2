/// RFC 5802 §7 `client-final-message`: channel binding, the combined nonce,
/// ignored extensions, and the ClientProof last.
struct SCRAMClientFinalMessage: Equatable, Sendable {
    /// The `c=` value as sent (base64 of the gs2 header for `n` and `y`).
    let channelBinding: String
    let nonce: String
    /// The decoded `p=` ClientProof.
    let proof: [UInt8]
    /// `client-final-message-without-proof` as received, the end of the AuthMessage.
    let withoutProof: String

    init(parsing text: String) throws(SASLFailure) {
        let attributes = SCRAMSyntax.attributes(text)
        guard attributes.count >= 3, attributes[0].hasPrefix("c="), attributes[1].hasPrefix("r="),
              let last = attributes.last, last.hasPrefix("p="),
              attributes.dropFirst(2).dropLast().allSatisfy(SCRAMSyntax.isExtension),
              SCRAMSyntax.isNonce(attributes[1].dropFirst(2)),
              SASLBase64.decode(attributes[0].dropFirst(2)) != nil,
              let proof = SASLBase64.decode(last.dropFirst(2)) else { throw .malformedResponse }
        channelBinding = String(attributes[0].dropFirst(2))
        nonce = String(attributes[1].dropFirst(2))
        self.proof = proof
        withoutProof = attributes.dropLast().joined(separator: ",")
    }
}
