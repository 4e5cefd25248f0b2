import MailCore

/// Building ENVELOPE values from a message's summary fields.
extension IMAPEnvelope {
    /// The envelope of a message (RFC 9051 §7.5.2) from its summary
    /// fields. Sender and Reply-To fall back to From when absent or empty.
    /// Display names come unquoted; without `utf8` a non-ASCII name is
    /// re-encoded as RFC 2047 encoded words, as clients of IMAP4rev1 expect.
    public init(_ fields: MessageEnvelopeFields, utf8: Bool = false) {
        let from = Self.addresses(fields.from, utf8: utf8)
        let sender = Self.addresses(fields.sender, utf8: utf8)
        let replyTo = Self.addresses(fields.replyTo, utf8: utf8)
        self.init(
            date: fields.date, subject: fields.subject, from: from,
            sender: sender.isEmpty ? from : sender, replyTo: replyTo.isEmpty ? from : replyTo,
            to: Self.addresses(fields.to, utf8: utf8), cc: Self.addresses(fields.cc, utf8: utf8),
            bcc: Self.addresses(fields.bcc, utf8: utf8),
            inReplyTo: fields.inReplyTo, messageID: fields.messageID
        )
    }

    /// The envelope of a parsed message header.
    public init(header: MessageHeader, utf8: Bool = false) {
        self.init(MessageEnvelopeFields(header), utf8: utf8)
    }

    /// The addresses of an address-list field; group members are bracketed
    /// by group start and end entries (RFC 9051 §9 address).
    static func addresses(_ value: String?, utf8: Bool) -> [IMAPAddress] {
        guard let value, !value.isEmpty else { return [] }
        let mailboxes = AddressList.parse(value)
        guard !mailboxes.isEmpty else { return emptyGroup(value) }
        var result: [IMAPAddress] = []
        var group: String?
        for mailbox in mailboxes {
            if mailbox.groupName != group {
                if group != nil { result.append(.groupEnd) }
                if let name = mailbox.groupName { result.append(.groupStart(displayName(name, utf8: utf8))) }
                group = mailbox.groupName
            }
            result.append(IMAPAddress(
                name: mailbox.displayName.map { displayName($0, utf8: utf8) },
                mailbox: mailbox.localPart, host: mailbox.domain
            ))
        }
        if group != nil { result.append(.groupEnd) }
        return result
    }

    /// A field holding only an empty group, such as the common
    /// `undisclosed-recipients:;`, which `AddressList` drops.
    private static func emptyGroup(_ value: String) -> [IMAPAddress] {
        guard let colon = value.firstIndex(of: ":"),
              trimmed(value[value.index(after: colon)...]) == ";" else { return [] }
        var name = trimmed(value[..<colon])
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
        return name.isEmpty ? [] : [.groupStart(name), .groupEnd]
    }

    /// Without leading and trailing spaces and tabs.
    private static func trimmed(_ text: Substring) -> String {
        let start = text.drop { $0 == " " || $0 == "\t" }
        return String(start.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    private static func displayName(_ name: String, utf8: Bool) -> String {
        utf8 || name.utf8.allSatisfy({ $0 < 0x80 }) ? name : EncodedWord.encode(name)
    }
}
