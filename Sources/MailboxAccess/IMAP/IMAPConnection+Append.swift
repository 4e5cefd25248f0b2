import CarrierStore
import Foundation
import IMAPProtocol
import MailCore

/// APPEND with MULTIAPPEND (RFC 9051 §6.3.12, RFC 3502) answering
/// APPENDUID (RFC 4315 §3); a message over `message_size_limit` is refused
/// with TOOBIG (RFC 7889 §4), one that does not fit `mailbox_size_limit`
/// with OVERQUOTA (RFC 9208 §4.3.1), and so is one the disk has no room
/// for, as Dovecot answers ENOSPC. Literal8 data (RFC 3516 §4.4) is stored
/// as sent.
extension IMAPConnection {
    func append(_ tag: String, _ wire: String, _ messages: [IMAPAppendMessage]) async -> [UInt8] {
        guard let name = try? IMAPMailboxName(wire: wire, utf8: utf8Names) else {
            return encode(no(tag, "Mailbox doesn't exist", .tryCreate))
        }
        let limit = services.ingress.settings.messageSizeLimit
        if limit > 0, messages.contains(where: { $0.data.count > limit }) {
            return encode(no(tag, "Message is larger than the limit of \(limit) octets", .tooBig))
        }
        if messages.contains(where: { $0.data.isEmpty }) { return encode(no(tag, "Empty message", .cannot)) }
        if await overQuota(adding: messages.reduce(0) { $0 + $1.data.count }) {
            return encode(no(tag, "Mailbox is full (quota exceeded)", .overQuota))
        }
        do {
            guard let mailbox = try await lookup(name.name) else {
                return encode(no(tag, "Mailbox doesn't exist: \(name.name)", .tryCreate))
            }
            let now = Int64(Date().timeIntervalSince1970)
            let requests = messages.map { message in
                IMAPAppendRequest(content: message.data, metadata: Self.metadata(message.data),
                                  flags: IMAPFlags.storable(message.flags), internalDate: message.internalDate?.secondsSince1970 ?? now)
            }
            let uids = try await services.ingress.store.append(mailboxID: mailbox.id, messages: requests)
            services.changes.changed(mailboxID: mailbox.id)
            let code = IMAPResponseCode.appendUID(uidValidity: UInt32(truncatingIfNeeded: mailbox.uidValidity),
                                                  uids: IMAPNumberSet(uids.map { UInt32(truncatingIfNeeded: $0) }))
            return await synchronize(expunges: false) + encode(ok(tag, "APPEND completed", code))
        } catch MailStoreError.storageFull {
            log.error("\(who): APPEND to \(name.name) failed: insufficient storage")
            return encode(no(tag, "Not enough disk space", .overQuota))
        } catch {
            log.error("\(who): APPEND to \(name.name) failed: \(error)")
            return encode(no(tag, "Temporary server failure", .unavailable))
        }
    }

    /// The header fields the store caches beside a body (as cleanup records
    /// them at delivery).
    static func metadata(_ content: [UInt8]) -> MessageMetadata {
        let header = MessageHeader.parse(content)
        var metadata = MessageMetadata()
        metadata.subject = header.fields(named: "subject").first?.decodedValue
        metadata.from = header["from"]
        metadata.to = header["to"]
        metadata.cc = header["cc"]
        metadata.messageID = header["message-id"]?.trimmingCharacters(in: .whitespaces)
        metadata.inReplyTo = header["in-reply-to"]
        metadata.references = header["references"]
        metadata.date = header["date"].flatMap { RFC5322Date.parse($0)?.secondsSince1970 }
        let type = header["content-type"].flatMap(MIMEContentType.parse) ?? .textPlain
        metadata.mimeStructure = type.mimeType
        return metadata
    }
}
