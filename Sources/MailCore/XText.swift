/// RFC 3461 §4 xtext: the encoding of ORCPT and ENVID values, where `+`,
/// `=`, controls, space and octets above 126 are written as `+XX`.
public enum XText {
    /// Encodes `text` (as UTF-8) into xtext.
    public static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if byte >= 33 && byte <= 126 && byte != UInt8(ascii: "+") && byte != UInt8(ascii: "=") {
                out.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "+" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// The ORCPT value for an RFC 822 address: `rfc822;` and the xtext of the address.
    public static func originalRecipient(_ address: String) -> String {
        "rfc822;" + encode(address)
    }
}
