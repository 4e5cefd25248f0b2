import MailCore
import SMTPProtocol

/// Reads an envelope address as stored in the maildrop or queue
/// (`alice@example.test`, no angle brackets) with the SMTP path grammar.
public enum EnvelopeAddressParser {
    public static func parse(_ text: String) throws -> EmailAddress {
        try SMTPPathParser.mailbox(Array(text.utf8)[...])
    }
}
