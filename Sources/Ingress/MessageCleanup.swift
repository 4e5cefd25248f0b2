import CarrierStore
import Foundation
import MailCore

/// Postfix's cleanup step for an accepted message: prepends `Received:`
/// (RFC 5321 §4.4), adds a missing `Message-ID:` and `Date:` (RFC 5322 §3.6)
/// for trusted clients, and extracts the metadata the store caches.
public enum MessageCleanup {
    /// The finished message.
    public struct Result: Sendable {
        public var content: [UInt8]
        public var messageID: String?
        public var metadata: MessageMetadata
        /// The `Received:` fields the message arrived with: its hops so far,
        /// compared with `hopcount_limit` to refuse a mail loop (RFC 5321 §6.3).
        public var hops: Int
    }

    public static func run(_ content: [UInt8], _ context: CleanupContext) -> Result {
        let header = MessageHeader.parse(content)
        var added: [String] = []
        var messageID = header["message-id"].map(trimmed)
        if context.addMissingHeaders {
            if messageID == nil {
                let id = "<\(stamp(context)).\(context.queueID)@\(context.myhostname)>"
                added.append("Message-ID: \(id)")
                messageID = id
            }
            if header["date"] == nil {
                added.append("Date: \(RFC5322Date.format(secondsSince1970: context.now, zoneOffsetMinutes: context.zoneOffsetMinutes))")
            }
            if let local = context.localSubmission, header["from"] == nil {
                added.append("From: \(local.sender.isEmpty ? "MAILER-DAEMON@\(context.myhostname)" : local.sender)")
            }
        }
        var out = Array(received(context).utf8)
        out.reserveCapacity(content.count + out.count + 128)
        let split = headerEnd(content, header)
        out.append(contentsOf: content[..<split])
        for line in added { out.append(contentsOf: Array((line + "\r\n").utf8)) }
        out.append(contentsOf: content[split...])
        var meta = metadata(header, content)
        meta.messageID = messageID
        if meta.date == nil, context.addMissingHeaders { meta.date = context.now }
        let hops = header.fields.count { $0.name.utf8.count == 8 && $0.name.lowercased() == "received" }
        return Result(content: out, messageID: messageID, metadata: meta, hops: hops)
    }

    /// `Received: from helo (host [ip]) by myhostname (Carrier) with ESMTP id QID for <rcpt>; date`.
    static func received(_ c: CleanupContext) -> String {
        var s: String
        if let local = c.localSubmission {
            s = "Received: by \(c.myhostname) (\(c.mailName), from userid \(local.uid))\r\n\tid \(c.queueID)"
        } else {
            s = "Received: from \(sanitize(c.heloName)) (\(c.client.hostname) [\(c.client.address)])\r\n"
            s += "\tby \(c.myhostname) (\(c.mailName)) with \(c.protocolName) id \(c.queueID)"
        }
        if c.recipients.count == 1 { s += "\r\n\tfor <\(sanitize(c.recipients[0]))>" }
        s += "; \(RFC5322Date.format(secondsSince1970: c.now, zoneOffsetMinutes: c.zoneOffsetMinutes))\r\n"
        return s
    }

    /// The offset where fields may be appended: before the blank line that ends
    /// the header, or the end of the header when there is no body.
    static func headerEnd(_ content: [UInt8], _ header: MessageHeader) -> Int {
        guard header.hasBodySeparator else { return min(header.headerByteCount, content.count) }
        var end = header.bodyOffset - 1
        if end > 0 && content[end] == 10 { end -= 1 }
        if end >= 0 && content[end] == 13 { return end } else { return end + 1 }
    }

    /// `20261129094118`: the UTC time, as Postfix starts its Message-IDs.
    static func stamp(_ c: CleanupContext) -> String {
        var t = time_t(c.now)
        var parts = tm()
        gmtime_r(&t, &parts)
        let fields = [parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec]
        return "\(parts.tm_year + 1900)" + fields.map { $0 < 10 ? "0\($0)" : "\($0)" }.joined()
    }

    static func sanitize(_ s: String) -> String {
        String(s.unicodeScalars.map { $0.value < 32 || $0.value == 127 ? "?" : Character($0) })
    }

    static func trimmed(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespaces)
    }

    /// One pass over the fields; the MIME tree is parsed only for multipart
    /// and message/rfc822 content, a single part's type comes from its header.
    static func metadata(_ header: MessageHeader, _ content: [UInt8]) -> MessageMetadata {
        var m = MessageMetadata()
        var contentType: String?
        for field in header.fields {
            switch field.name.lowercased() {
            case "subject" where m.subject == nil: m.subject = field.decodedValue
            case "from" where m.from == nil: m.from = field.value
            case "to" where m.to == nil: m.to = field.value
            case "cc" where m.cc == nil: m.cc = field.value
            case "message-id" where m.messageID == nil: m.messageID = trimmed(field.value)
            case "in-reply-to" where m.inReplyTo == nil: m.inReplyTo = field.value
            case "references" where m.references == nil: m.references = field.value
            case "date" where m.date == nil: m.date = RFC5322Date.parse(field.value)?.secondsSince1970
            case "content-type" where contentType == nil: contentType = field.value
            default: break
            }
        }
        let type = contentType.flatMap(MIMEContentType.parse) ?? .textPlain
        m.mimeStructure = type.isMultipart || type.isEncapsulatedMessage ? structure(MIMEPart.parse(content)) : type.mimeType
        return m
    }

    /// `multipart/mixed(text/plain,application/pdf)`; depth is bounded by the MIME parser.
    static func structure(_ part: MIMEPart) -> String {
        let type = part.contentType.mimeType
        if !part.children.isEmpty { return type + "(" + part.children.map(structure).joined(separator: ",") + ")" }
        return type
    }
}
