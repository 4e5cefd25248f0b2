/// Parses address lists (RFC 5322 §3.4) such as the bodies of From, To and
/// Cc, obsolete forms of §4.4 included.
///
/// Groups are flattened: their members are returned in order, each with the
/// group's name in `groupName`; an empty group (`undisclosed-recipients:;`)
/// contributes nothing. Empty list elements are skipped, an unclosed `<`
/// ends at the next comma, and a bare addr-spec followed by a comment takes
/// the comment as display name (the old `user@host (Full Name)` style).
public enum AddressList {
    /// The mailboxes of `s`, at most `maxAddresses` of them.
    public static func parse(_ s: String, maxAddresses: Int = MailCoreLimits.maxAddresses) -> [MailboxAddress] {
        var parser = AddressListParser(maxAddresses: max(0, maxAddresses))
        for token in RFC5322Tokenizer.tokenize(s) {
            guard !parser.isFull else { break }
            parser.consume(token)
        }
        parser.endMailbox()
        return parser.mailboxes
    }
}
