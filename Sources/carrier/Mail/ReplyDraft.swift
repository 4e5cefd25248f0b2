import MailCore

/// The reply `r` starts from a message (RFC 5322 §3.6.4): to its Reply-To,
/// else its From, else its envelope sender; `Re: ` before the subject unless
/// it is there already; In-Reply-To and References naming the message.
enum ReplyDraft {
    static func make(replyingTo message: MailboxMessage, from: MailboxAddress, myorigin: String) throws(ReaderError) -> OutgoingMail {
        let header = message.header
        var to = (header["reply-to"] ?? header["from"]).map { AddressList.parse($0) } ?? []
        if to.isEmpty && !["", "MAILER-DAEMON"].contains(message.envelopeSender) {
            to = AddressList.parse(message.envelopeSender)
        }
        guard !to.isEmpty else { throw ReaderError(message: "No address to reply to") }
        to = to.map { mailbox in
            var qualified = mailbox
            if qualified.domain.isEmpty { qualified.domain = myorigin }
            qualified.groupName = nil
            return qualified
        }
        let subject = HeaderText.singleLine(header.fields(named: "subject").first?.decodedValue ?? "")
        let messageID = header["message-id"].map(HeaderText.singleLine)
        let earlier = (header["references"] ?? header["in-reply-to"]).map(HeaderText.singleLine)
        return OutgoingMail(
            from: from, to: to,
            subject: subject.lowercased().hasPrefix("re:") ? subject : "Re: " + subject,
            inReplyTo: messageID,
            references: (earlier.map { $0.split(separator: " ").map(String.init) } ?? []) + (messageID.map { [$0] } ?? []))
    }
}
