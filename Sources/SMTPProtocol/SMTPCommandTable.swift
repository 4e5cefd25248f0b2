/// Which commands are allowed when (RFC 5321 §4.1.4, §3.3) — one table, not
/// scattered checks. The session consults it before running a command.
enum SMTPCommandTable {
    /// What has to have happened before a command is allowed.
    enum Requirement {
        case none
        case hello
        case mailTransaction
        case recipients
    }

    static func requirement(for command: SMTPCommand) -> Requirement {
        switch command {
        case .ehlo, .helo, .rset, .noop, .quit, .vrfy, .expn, .help: .none
        case .mail, .startTLS, .auth: .hello
        case .rcpt: .mailTransaction
        case .data, .bdat: .recipients
        }
    }

    /// The reply for a command sent out of order.
    static func sequenceError(for requirement: Requirement) -> SMTPReply {
        switch requirement {
        case .none: .badSequence("Error: bad sequence of commands")
        case .hello: .badSequence("Error: send HELO/EHLO first")
        case .mailTransaction: .badSequence("Error: need MAIL command")
        case .recipients: .badSequence("Error: need RCPT command")
        }
    }

    /// Commands whose line may exceed 512 octets because of extension parameters
    /// (RFC 5321 §4.5.3.1.4) or SASL initial responses (RFC 4954 §4).
    static let extendedLineVerbs: Set<String> = ["MAIL", "RCPT", "AUTH"]
}
