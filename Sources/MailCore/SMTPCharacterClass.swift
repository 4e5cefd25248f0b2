/// Character classes of the RFC 5321 / RFC 5322 grammars (atext, qtext, let-dig).
public enum SMTPCharacterClass {
    /// RFC 5322 §3.2.3 `atext`: ALPHA / DIGIT / the printable specials allowed in atoms.
    public static func isAtext(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-/=?^_`{|}~".utf8.contains(b)
        }
    }

    /// RFC 5321 §4.1.2 `Let-dig`.
    public static func isLetDig(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return false
        }
    }

    /// RFC 5321 §4.1.2 `qtextSMTP`: printable ASCII except `"` and `\`.
    public static func isQtextSMTP(_ b: UInt8) -> Bool {
        (b == 32 || b == 33 || (35...91).contains(b) || (93...126).contains(b))
    }
}
