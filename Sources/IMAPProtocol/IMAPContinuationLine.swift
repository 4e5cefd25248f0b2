/// The client lines that are not commands, read in the framer's
/// `.rawLines` mode.
public enum IMAPContinuationLine {
    /// Whether the line is `DONE`, in any case, which ends IDLE (RFC 2177 §3).
    public static func isIdleDone(_ line: [UInt8]) -> Bool {
        IMAPCharacterClass.uppercased(line) == "DONE"
    }

    /// Whether the line is `*`, which cancels AUTHENTICATE (RFC 9051 §6.2.2).
    public static func isAuthenticationCancel(_ line: [UInt8]) -> Bool {
        line == [UInt8(ascii: "*")]
    }

    /// A SASL response line as text for the mechanism (base64, RFC 9051
    /// §6.2.2); nil if it holds anything but base64 characters and padding.
    public static func authenticationResponse(_ line: [UInt8]) -> String? {
        let valid = line.allSatisfy { byte in
            IMAPCharacterClass.isAlpha(byte) || IMAPCharacterClass.isDigit(byte)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
        }
        return valid ? String(decoding: line, as: UTF8.self) : nil
    }
}
