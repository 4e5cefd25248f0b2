import MailCore

/// A parsed SMTP command (RFC 5321 §4.1.1 and the ESMTP extensions Carrier offers).
public enum SMTPCommand: Equatable, Sendable {
    case ehlo(String)
    case helo(String)
    /// `MAIL FROM:<path> params`; a nil address is the null reverse path `<>`.
    case mail(EmailAddress?, MailParameters)
    case rcpt(EmailAddress, RcptParameters)
    case data
    /// RFC 3030 `BDAT size [LAST]`.
    case bdat(size: Int, last: Bool)
    case rset
    case noop
    case quit
    case vrfy(String)
    case expn(String)
    case help(String)
    case startTLS
    case auth(mechanism: String, initialResponse: String?)

    /// The lowercase verb as Postfix names it in its `disconnect from` statistics.
    public var verb: String {
        switch self {
        case .ehlo: "ehlo"
        case .helo: "helo"
        case .mail: "mail"
        case .rcpt: "rcpt"
        case .data: "data"
        case .bdat: "bdat"
        case .rset: "rset"
        case .noop: "noop"
        case .quit: "quit"
        case .vrfy: "vrfy"
        case .expn: "expn"
        case .help: "help"
        case .startTLS: "starttls"
        case .auth: "auth"
        }
    }
}
