import MailCore

/// Turns an `OutgoingMail` into the RFC 5322 message `carrier mail` submits:
/// CRLF line ends, every header value on one (folded) line, the subject
/// RFC 2047-encoded when it is not ASCII, Bcc left out of the header, and with
/// attachments a multipart/mixed body (RFC 2046 §5.1.3) of the text and one
/// base64 part per file.
///
/// Pure: the date, Message-ID and boundary seed are given, so tests fix them.
struct MessageComposer {
    /// The Date field's value (RFC 5322 §3.3).
    var date: String
    /// `<unique@host>`.
    var messageID: String
    /// Makes the multipart boundary unique; lengthened until the text does not contain it.
    var boundarySeed: String

    func compose(_ mail: OutgoingMail) -> [UInt8] {
        var header = HeaderText.field("Date", date)
        header += HeaderText.field("From", AddressArguments.headerText(mail.from))
        if !mail.to.isEmpty { header += HeaderText.field("To", mail.to.map(AddressArguments.headerText).joined(separator: ", ")) }
        if !mail.cc.isEmpty { header += HeaderText.field("Cc", mail.cc.map(AddressArguments.headerText).joined(separator: ", ")) }
        let subject = HeaderText.singleLine(mail.subject)
        if !subject.isEmpty { header += HeaderText.field("Subject", EncodedWord.encode(subject)) }
        header += HeaderText.field("Message-ID", messageID)
        if let inReplyTo = mail.inReplyTo { header += HeaderText.field("In-Reply-To", inReplyTo) }
        if !mail.references.isEmpty { header += HeaderText.field("References", mail.references.joined(separator: " ")) }
        header += HeaderText.field("MIME-Version", "1.0")
        let text = TextBody(mail.body)
        guard !mail.attachments.isEmpty else {
            header += HeaderText.field("Content-Type", text.contentType)
            header += HeaderText.field("Content-Transfer-Encoding", text.transferEncoding)
            return Array((header + "\r\n").utf8) + text.bytes
        }
        let boundary = uniqueBoundary(avoiding: text.bytes)
        header += HeaderText.field("Content-Type", "multipart/mixed; " + MIMEParameterText.format("boundary", boundary))
        var message = Array((header + "\r\nThis is a multi-part message in MIME format.\r\n").utf8)
        let delimiter = Array("\r\n--\(boundary)\r\n".utf8)
        message += delimiter
        message += Array((HeaderText.field("Content-Type", text.contentType)
            + HeaderText.field("Content-Transfer-Encoding", text.transferEncoding) + "\r\n").utf8)
        message += text.bytes
        for attachment in mail.attachments {
            message += delimiter
            message += Array(attachmentPart(attachment).utf8)
        }
        message += Array("\r\n--\(boundary)--\r\n".utf8)
        return message
    }

    /// The header and base64 body of one attachment part.
    private func attachmentPart(_ attachment: MailAttachment) -> String {
        HeaderText.field("Content-Type", "\(attachment.contentType); " + MIMEParameterText.format("name", attachment.filename))
            + HeaderText.field("Content-Disposition", "attachment; " + MIMEParameterText.format("filename", attachment.filename))
            + HeaderText.field("Content-Transfer-Encoding", "base64") + "\r\n"
            + TransferEncoding.encodeBase64(attachment.content)
    }

    /// `=_carrier_SEED`, with `_` appended while `text` contains it. The other
    /// parts are base64, whose alphabet has no `_`.
    private func uniqueBoundary(avoiding text: [UInt8]) -> String {
        var boundary = "=_carrier_" + boundarySeed
        while text.contains(boundary.utf8) { boundary += "_" }
        return boundary
    }
}
