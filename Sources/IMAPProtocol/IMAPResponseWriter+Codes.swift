/// Response codes (RFC 9051 §7.1, RFC 4315 §3, RFC 7162 §3.1.2, §3.1.3,
/// §3.2.11, RFC 3516 §4.2, RFC 4469 §4.2, RFC 6154 §3, RFC 4978 §3).
extension IMAPResponseWriter {
    mutating func responseCode(_ code: IMAPResponseCode) {
        if let word = Self.plainCodes(code) { return raw(word) }
        switch code {
        case .appendUID(let validity, let uids):
            raw("APPENDUID \(validity) \(uids)")
        case .badCharset(let charsets):
            raw("BADCHARSET")
            if !charsets.isEmpty {
                space()
                list(charsets) { $0.astring($1) }
            }
        case .capability(let names):
            raw((["CAPABILITY"] + names).joined(separator: " "))
        case .copyUID(let validity, let source, let destination):
            raw("COPYUID \(validity) \(source) \(destination)")
        case .highestModSeq(let value):
            raw("HIGHESTMODSEQ \(value)")
        case .modified(let set):
            raw("MODIFIED \(set)")
        case .permanentFlags(let flags, let allowsNew):
            raw("PERMANENTFLAGS ")
            list(flags.map(\.description) + (allowsNew ? ["\\*"] : [])) { $0.raw($1) }
        case .uidNext(let value):
            raw("UIDNEXT \(value)")
        case .uidValidity(let value):
            raw("UIDVALIDITY \(value)")
        case .other(let atom, let detail):
            raw(atom)
            if let detail {
                space()
                text(String(detail.filter { $0 != "]" }))
            }
        default:
            break
        }
    }

    /// The codes that are a single word.
    private static func plainCodes(_ code: IMAPResponseCode) -> String? {
        switch code {
        case .alert: "ALERT"
        case .alreadyExists: "ALREADYEXISTS"
        case .authenticationFailed: "AUTHENTICATIONFAILED"
        case .authorizationFailed: "AUTHORIZATIONFAILED"
        case .cannot: "CANNOT"
        case .clientBug: "CLIENTBUG"
        case .closed: "CLOSED"
        case .compressionActive: "COMPRESSIONACTIVE"
        case .contactAdmin: "CONTACTADMIN"
        case .corruption: "CORRUPTION"
        case .expired: "EXPIRED"
        case .expungeIssued: "EXPUNGEISSUED"
        case .hasChildren: "HASCHILDREN"
        case .inUse: "INUSE"
        case .limit: "LIMIT"
        case .noModSeq: "NOMODSEQ"
        case .nonExistent: "NONEXISTENT"
        case .noPerm: "NOPERM"
        case .notSaved: "NOTSAVED"
        case .overQuota: "OVERQUOTA"
        case .parse: "PARSE"
        case .privacyRequired: "PRIVACYREQUIRED"
        case .readOnly: "READ-ONLY"
        case .readWrite: "READ-WRITE"
        case .serverBug: "SERVERBUG"
        case .tooBig: "TOOBIG"
        case .tryCreate: "TRYCREATE"
        case .uidNotSticky: "UIDNOTSTICKY"
        case .unavailable: "UNAVAILABLE"
        case .unknownCTE: "UNKNOWN-CTE"
        case .useAttribute: "USEATTR"
        default: nil
        }
    }
}
