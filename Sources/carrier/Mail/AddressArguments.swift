import MailCore

/// Addresses given on `carrier mail`'s command line (recipients, `-c`, `-b`,
/// `-r`): each argument is an RFC 5322 address list (`bob`, `a@x, b@y`,
/// `Bob <bob@example.test>`); a bare name gets `@$myorigin`, as Postfix's
/// sendmail qualifies it.
enum AddressArguments {
    /// The mailboxes of `arguments`, in order. Throws EX_USAGE for an argument
    /// that holds a control character (a CR/LF would inject a header) or no address.
    static func parse(_ arguments: [String], myorigin: String) throws(CommandFailure) -> [MailboxAddress] {
        var result: [MailboxAddress] = []
        for argument in arguments {
            guard !argument.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                throw .usage("invalid address (control character): \(HeaderText.singleLine(argument))")
            }
            let mailboxes = AddressList.parse(argument)
            guard !mailboxes.isEmpty || argument.allSatisfy({ $0 == " " || $0 == "," }) else {
                throw .usage("invalid address: \(argument)")
            }
            for var mailbox in mailboxes {
                guard !mailbox.localPart.isEmpty else { throw .usage("invalid address: \(argument)") }
                if mailbox.domain.isEmpty { mailbox.domain = myorigin }
                mailbox.groupName = nil
                result.append(mailbox)
            }
        }
        return result
    }

    /// One mailbox as a header shows it: `bob@example.test`, or
    /// `Bob <bob@example.test>` with the name quoted or RFC 2047-encoded as needed.
    static func headerText(_ mailbox: MailboxAddress) -> String {
        guard let name = mailbox.displayName.map(HeaderText.singleLine), !name.isEmpty else {
            return mailbox.addressString
        }
        return "\(phrase(name)) <\(mailbox.addressString)>"
    }

    /// A display name as an RFC 5322 phrase: atoms as they are, a quoted string
    /// when specials occur, encoded words when it is not printable ASCII.
    static func phrase(_ name: String) -> String {
        if name.unicodeScalars.contains(where: { $0.value > 0x7E }) || name.contains("=?") {
            return EncodedWord.encode(name)
        }
        let atomSafe = name.unicodeScalars.allSatisfy { $0 == " " || !"()<>[]:;@\\,.\"".unicodeScalars.contains($0) }
        guard !atomSafe else { return name }
        var quoted = "\""
        for character in name {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\""
    }
}
