/// Pieces of the SCRAM grammar (RFC 5802 §7) shared by the message parsers.
enum SCRAMSyntax {
    /// Decodes a `saslname`: `=2C` is `,`, `=3D` is `=`, any other `=` is an
    /// error (RFC 5802 §5.1 "n"), as are NUL and an empty name. The caller has
    /// already split the message at its commas.
    static func decodeSaslname(_ text: Substring) throws(SASLFailure) -> String {
        var output: [UInt8] = []
        var characters = text.utf8[...]
        while let character = characters.popFirst() {
            switch character {
            case 0:
                throw .malformedResponse
            case UInt8(ascii: "="):
                let escape = characters.prefix(2)
                characters = characters.dropFirst(2)
                if escape.elementsEqual("2C".utf8) {
                    output.append(UInt8(ascii: ","))
                } else if escape.elementsEqual("3D".utf8) {
                    output.append(UInt8(ascii: "="))
                } else {
                    throw .malformedResponse
                }
            default:
                output.append(character)
            }
        }
        guard let name = SASLText.nonEmpty(output) else { throw .malformedResponse }
        return name
    }

    /// True for a non-empty run of `printable` (%x21-2B / %x2D-7E), the nonce alphabet.
    static func isNonce(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (0x21...0x7E).contains($0) && $0 != UInt8(ascii: ",") }
    }

    /// True for an `attr-val` (`ALPHA "=" 1*value-char`), the shape of the
    /// optional extensions a receiver must ignore (RFC 5802 §5.1).
    static func isExtension(_ text: Substring) -> Bool {
        let characters = Array(text.utf8)
        guard characters.count >= 3, characters[1] == UInt8(ascii: "=") else { return false }
        let letter = characters[0] | 0x20
        return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(letter) && !characters.contains(0)
    }

    /// Splits a message into its comma-separated attributes, keeping empty ones.
    static func attributes(_ text: String) -> [Substring] {
        text.split(separator: ",", omittingEmptySubsequences: false)
    }
}
