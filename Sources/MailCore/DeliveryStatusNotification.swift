/// Builds a non-delivery report: an RFC 3464 `multipart/report;
/// report-type=delivery-status` message (RFC 6522) with a human-readable part,
/// the machine-readable `message/delivery-status` part, and the returned
/// message's header (`text/rfc822-headers`), as Postfix's bounce(8) sends.
public struct DeliveryStatusNotification: Sendable {
    /// One recipient the report is about (RFC 3464 §2.3).
    public struct Recipient: Sendable {
        public var address: String
        public var originalRecipient: String?
        /// `failed`, `delayed`, `delivered`...
        public var action: String
        public var status: EnhancedStatusCode
        /// `smtp; 550 5.1.1 ...` or `x-unix; ...`.
        public var diagnostic: String

        public init(address: String, originalRecipient: String? = nil, action: String = "failed",
                    status: EnhancedStatusCode, diagnostic: String) {
            self.address = address
            self.originalRecipient = originalRecipient
            self.action = action
            self.status = status
            self.diagnostic = diagnostic
        }
    }

    /// What the report tells the sender (RFC 3464 §2.3.3 actions).
    public enum Kind: Sendable {
        /// `failed`: the message is returned.
        case failure
        /// `delayed`: a warning; delivery is still being retried.
        case delay
        /// `delivered` or `relayed`: a positive report asked for with NOTIFY=SUCCESS.
        case success
    }

    public var kind: Kind = .failure
    public var reportingHost: String
    public var mailName: String
    public var queueID: String
    public var originalSender: String
    public var envelopeID: String?
    /// Seconds since 1970 of the original message's arrival, and of this report.
    public var arrival: Int64
    public var now: Int64
    public var recipients: [Recipient]
    /// The returned message: its header, or all of it with `returnFullMessage` (RFC 3461 RET=FULL).
    public var original: [UInt8]
    public var returnFullMessage: Bool

    public init(reportingHost: String, mailName: String, queueID: String, originalSender: String, envelopeID: String?,
                arrival: Int64, now: Int64, recipients: [Recipient], original: [UInt8], returnFullMessage: Bool = false) {
        self.returnFullMessage = returnFullMessage
        self.reportingHost = reportingHost
        self.mailName = mailName
        self.queueID = queueID
        self.originalSender = originalSender
        self.envelopeID = envelopeID
        self.arrival = arrival
        self.now = now
        self.recipients = recipients
        self.original = original
    }

    /// The Subject Postfix uses for each kind of report.
    public var subject: String {
        switch kind {
        case .failure: "Undelivered Mail Returned to Sender"
        case .delay: "Delayed Mail (still being retried)"
        case .success: "Successful Mail Delivery Report"
        }
    }

    var introduction: [String] {
        switch kind {
        case .failure:
            ["I'm sorry to have to inform you that your message could not",
             "be delivered to one or more recipients. It's attached below.", ""]
        case .delay:
            ["####################################################################",
             "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #",
             "####################################################################", "",
             "Your message could not be delivered for more than a while.",
             "It will be retried until it is too old.", ""]
        case .success:
            ["Your message was successfully delivered to the destination(s)",
             "listed below. If the message was delivered to mailbox you will",
             "receive no further notifications. Otherwise you may still receive",
             "notifications of mail delivery errors from other systems.", ""]
        }
    }

    /// The complete report, CRLF line ends, from `MAILER-DAEMON@reportingHost`.
    public func message(boundary: String) -> [UInt8] {
        let date = RFC5322Date.format(secondsSince1970: now, zoneOffsetMinutes: 0)
        let header = MessageHeader.parse(original)
        let headerBytes = original.prefix(header.hasBodySeparator ? header.bodyOffset : header.headerByteCount)
        var lines = [
            "From: MAILER-DAEMON@\(reportingHost) (Mail Delivery System)",
            "To: \(originalSender)",
            "Subject: \(subject)",
            "Date: \(date)",
            "Message-ID: <\(queueID).bounce@\(reportingHost)>",
            "Auto-Submitted: auto-replied",
            "MIME-Version: 1.0",
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\"\(boundary)\"",
            "",
            "This is a MIME-encapsulated message.",
            "",
            "--\(boundary)",
            "Content-Description: Notification",
            "Content-Type: text/plain; charset=us-ascii",
            "",
            "This is the mail system at host \(reportingHost).",
            "",
        ] + introduction + [
            "                   The \(mailName) program",
            "",
        ]
        for r in recipients { lines.append("<\(r.address)>: \(r.diagnostic)") }
        lines += [
            "",
            "--\(boundary)",
            "Content-Description: Delivery report",
            "Content-Type: message/delivery-status",
            "",
            "Reporting-MTA: dns; \(reportingHost)",
            "X-Carrier-Queue-ID: \(queueID)",
            "X-Carrier-Sender: rfc822; \(originalSender)",
            "Arrival-Date: \(RFC5322Date.format(secondsSince1970: arrival, zoneOffsetMinutes: 0))",
        ]
        if let envelopeID { lines.insert("Original-Envelope-Id: \(envelopeID)", at: lines.count - 4) }
        for r in recipients {
            lines.append("")
            lines.append("Final-Recipient: rfc822; \(r.address)")
            if let o = r.originalRecipient { lines.append("Original-Recipient: rfc822; \(o)") }
            lines += ["Action: \(r.action)", "Status: \(r.status)", "Diagnostic-Code: \(r.diagnostic)"]
        }
        if returnFullMessage && kind == .failure {
            lines += ["", "--\(boundary)", "Content-Description: Undelivered Message", "Content-Type: message/rfc822", ""]
        } else {
            let description = kind == .failure ? "Undelivered Message Headers" : "Message Headers"
            lines += ["", "--\(boundary)", "Content-Description: \(description)", "Content-Type: text/rfc822-headers", ""]
        }
        var out = Array(lines.joined(separator: "\r\n").utf8) + [13, 10]
        out += returnFullMessage && kind == .failure ? original[...] : headerBytes
        if !(out.suffix(2) == [13, 10]) { out += [13, 10] }
        out += Array("\r\n--\(boundary)--\r\n".utf8)
        return out
    }
}
