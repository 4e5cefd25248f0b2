import CarrierStore
import IMAPProtocol

/// LIST with LIST-EXTENDED, LIST-STATUS and SPECIAL-USE (RFC 9051 §6.3.9,
/// RFC 5258, RFC 5819, RFC 6154), LSUB (RFC 3501 §6.3.9) and STATUS
/// (RFC 9051 §6.3.11, RFC 8438).
extension IMAPConnection {
    func list(_ tag: String, _ command: IMAPListCommand) async -> [UInt8] {
        if command.patterns == [""] {
            return encode([.untagged(.list(IMAPListResponse(attributes: [.noSelect], mailbox: ""))), ok(tag, "LIST completed")])
        }
        let entries: [IMAPMailboxEntry]
        do { entries = try await services.ingress.store.imapMailboxes(userID: userID) } catch {
            return encode(no(tag, "Temporary server failure", .unavailable))
        }
        let onlySubscribed = command.selectionOptions.contains(.subscribed)
        let onlySpecialUse = command.selectionOptions.contains(.specialUse)
        var showSubscribed = onlySubscribed
        var statusItems: [IMAPStatusAttribute]?
        for option in command.returnOptions {
            switch option {
            case .subscribed: showSubscribed = true
            case .status(let items): statusItems = items
            case .specialUse, .children: continue
            }
        }
        let matchers = command.patterns.map { IMAPListPattern(reference: decodeWire(command.reference), pattern: decodeWire($0)) }
        let names = Set(entries.map(\.mailbox.name))
        var responses: [IMAPResponse] = []
        for entry in entries where matchers.contains(where: { $0.matches(entry.mailbox.name) }) {
            if onlySubscribed && !entry.subscribed { continue }
            let special = Self.specialUse(entry.mailbox.name)
            if onlySpecialUse && special == nil { continue }
            var attributes: [IMAPMailboxAttribute] = [names.contains { $0.hasPrefix(entry.mailbox.name + "/") } ? .hasChildren : .hasNoChildren]
            if showSubscribed && entry.subscribed { attributes.append(.subscribed) }
            if let special { attributes.append(special) }
            responses.append(.untagged(.list(IMAPListResponse(attributes: attributes, mailbox: entry.mailbox.name))))
            if let statusItems, let items = try? await statusItemsFor(entry.mailbox, statusItems) {
                responses.append(.untagged(.status(mailbox: entry.mailbox.name, items)))
            }
        }
        return encode(responses + [ok(tag, "LIST completed")])
    }

    func lsub(_ tag: String, reference: String, pattern: String) async -> [UInt8] {
        if pattern.isEmpty {
            return encode([.untagged(.lsub(IMAPListResponse(attributes: [.noSelect], mailbox: ""))), ok(tag, "LSUB completed")])
        }
        guard let entries = try? await services.ingress.store.imapMailboxes(userID: userID) else {
            return encode(no(tag, "Temporary server failure", .unavailable))
        }
        let matcher = IMAPListPattern(reference: decodeWire(reference), pattern: decodeWire(pattern))
        let responses: [IMAPResponse] = entries.filter { $0.subscribed && matcher.matches($0.mailbox.name) }.map {
            .untagged(.lsub(IMAPListResponse(attributes: [], mailbox: $0.mailbox.name)))
        }
        return encode(responses + [ok(tag, "LSUB completed")])
    }

    func status(_ tag: String, _ wire: String, _ attributes: [IMAPStatusAttribute]) async -> [UInt8] {
        guard let name = try? IMAPMailboxName(wire: wire, utf8: utf8Names) else {
            return encode(no(tag, "Mailbox doesn't exist", .nonExistent))
        }
        do {
            guard let mailbox = try await lookup(name.name) else { return encode(no(tag, "Mailbox doesn't exist", .nonExistent)) }
            let items = try await statusItemsFor(mailbox, attributes)
            return encode([.untagged(.status(mailbox: mailbox.name, items)), ok(tag, "STATUS completed")])
        } catch {
            return encode(no(tag, "Temporary server failure", .unavailable))
        }
    }

    func statusItemsFor(_ mailbox: MailboxRecord, _ attributes: [IMAPStatusAttribute]) async throws -> [IMAPStatusItem] {
        let needsCounts = attributes.contains { [.messages, .unseen, .deleted, .deletedStorage, .size].contains($0) }
        let counts = needsCounts ? try await services.ingress.store.mailboxCounts(mailboxID: mailbox.id) : nil
        let limit = services.ingress.settings.messageSizeLimit
        return attributes.map { attribute in
            switch attribute {
            case .messages: IMAPStatusItem(attribute, UInt64(counts?.messages ?? 0))
            case .uidNext: IMAPStatusItem(attribute, UInt64(mailbox.uidNext))
            case .uidValidity: IMAPStatusItem(attribute, UInt64(UInt32(truncatingIfNeeded: mailbox.uidValidity)))
            case .unseen: IMAPStatusItem(attribute, UInt64(counts?.unseen ?? 0))
            case .deleted: IMAPStatusItem(attribute, UInt64(counts?.deleted ?? 0))
            case .deletedStorage: IMAPStatusItem(attribute, UInt64(counts?.deletedSize ?? 0))
            case .size: IMAPStatusItem(attribute, UInt64(counts?.size ?? 0))
            case .recent: IMAPStatusItem(attribute, 0)
            case .highestModSeq: IMAPStatusItem(attribute, UInt64(mailbox.highestModSeq))
            case .appendLimit: IMAPStatusItem(attribute, limit > 0 ? UInt64(limit) : nil)
            }
        }
    }

    /// A reference or pattern as sent, in Unicode.
    func decodeWire(_ text: String) -> String {
        utf8Names ? text : (IMAPModifiedUTF7.decode(text) ?? text)
    }
}

/// A LIST pattern joined to its reference (RFC 9051 §6.3.9): `*` matches
/// anything, `%` anything but the hierarchy delimiter; INBOX in any case.
struct IMAPListPattern {
    let pattern: [Character]

    init(reference: String, pattern: String) {
        var full = pattern.hasPrefix("/") ? pattern : reference + pattern
        if full.uppercased().hasPrefix("INBOX"), full.count == 5 || Array(full)[5] == "/" {
            full = "INBOX" + full.dropFirst(5)
        }
        self.pattern = Array(full)
    }

    /// Dynamic programming over (pattern, name) positions: linear in each,
    /// whatever the wildcards.
    func matches(_ name: String) -> Bool {
        let name = Array(name)
        var row = [Bool](repeating: false, count: name.count + 1)
        row[0] = true
        for symbol in pattern {
            var next = [Bool](repeating: false, count: name.count + 1)
            for j in 0...name.count {
                switch symbol {
                case "*":
                    next[j] = row[j] || (j > 0 && next[j - 1])
                case "%":
                    next[j] = row[j] || (j > 0 && next[j - 1] && name[j - 1] != "/")
                default:
                    next[j] = j > 0 && row[j - 1] && name[j - 1] == symbol
                }
            }
            row = next
        }
        return row[name.count]
    }
}
