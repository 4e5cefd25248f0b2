import CarrierStore
import IMAPProtocol

/// SELECT, EXAMINE, CLOSE, UNSELECT (RFC 9051 §6.3.2, §6.3.3, §6.4.2,
/// RFC 3691) and the mailbox updates reported between commands (§7.5.1).
extension IMAPConnection {
    func select(_ tag: String, _ wire: String, _ parameters: IMAPSelectParameters, readOnly: Bool) async -> [UInt8] {
        if parameters.qresync != nil, !qresync { return encode(bad(tag, "QRESYNC is not enabled")) }
        var responses: [IMAPResponse] = []
        savedResult = []
        if selected != nil {
            selected = nil
            state = .authenticated
            responses.append(.untagged(.condition(.ok, code: .closed, text: "Previous mailbox closed")))
        }
        if parameters.condStore { enabled.insert("CONDSTORE") }
        guard let name = try? IMAPMailboxName(wire: wire, utf8: utf8Names) else {
            return encode(responses + [no(tag, "Invalid mailbox name", .nonExistent)])
        }
        do {
            guard let mailbox = try await lookup(name.name) else {
                return encode(responses + [no(tag, "Mailbox doesn't exist: \(name.name)", .nonExistent)])
            }
            var view: IMAPMailboxView
            if let shared = services.views.messages(mailboxID: mailbox.id, modSeq: mailbox.highestModSeq) {
                view = IMAPMailboxView(mailbox: mailbox, entries: shared, readOnly: readOnly)
            } else {
                view = IMAPMailboxView(mailbox: mailbox, messages: try await services.ingress.store.messages(mailboxID: mailbox.id),
                                       readOnly: readOnly)
                view.messages = services.views.share(mailboxID: mailbox.id, modSeq: mailbox.highestModSeq, messages: view.messages)
            }
            let permanent: [IMAPFlag] = readOnly ? [] : IMAPFlags.system
            responses += [
                .untagged(.flags(IMAPFlags.system)),
                .untagged(.exists(UInt32(view.messages.count))),
            ]
            if !rev2 {
                responses.append(.untagged(.recent(0)))
                if let first = view.messages.firstIndex(where: { !$0.has(IMAPFlags.seen) }) {
                    responses.append(.untagged(.condition(.ok, code: .other("UNSEEN", String(first + 1)), text: "First unseen")))
                }
            }
            responses += [
                .untagged(.condition(.ok, code: .permanentFlags(permanent, allowsNewKeywords: !readOnly), text: "Flags permitted")),
                .untagged(.condition(.ok, code: .uidValidity(view.uidValidity), text: "UIDs valid")),
                .untagged(.condition(.ok, code: .uidNext(UInt32(truncatingIfNeeded: view.uidNext)), text: "Predicted next UID")),
                .untagged(.condition(.ok, code: .highestModSeq(UInt64(view.highestModSeq)), text: "Highest")),
            ]
            if let resync = parameters.qresync { responses += try await qresyncResponses(view, resync) }
            selected = view
            state = .selected
            responses.append(ok(tag, "\(readOnly ? "EXAMINE" : "SELECT") completed", readOnly ? .readOnly : .readWrite))
            return encode(responses)
        } catch {
            log.error("\(who): cannot open \(name.name): \(error)")
            return encode(responses + [no(tag, "Temporary server failure", .unavailable)])
        }
    }

    /// CLOSE expunges \Deleted messages silently when read-write; UNSELECT does not.
    func close(_ tag: String, expunge: Bool) async -> [UInt8] {
        guard let view = selected else { return encode(bad(tag, "No mailbox selected")) }
        selected = nil
        savedResult = []
        state = .authenticated
        if expunge, !view.readOnly {
            let uids = view.messages.filter { $0.has(IMAPFlags.deleted) }.map { Int64($0.uid) }
            do {
                if try await services.ingress.store.expunge(mailboxID: view.mailboxID, uids: uids) > 0 {
                    services.changes.changed(mailboxID: view.mailboxID)
                }
            } catch {
                return encode(no(tag, "Cannot expunge: temporary server failure", .unavailable))
            }
        }
        return encode(ok(tag, "\(expunge ? "CLOSE" : "UNSELECT") completed"))
    }

    /// Brings the selected mailbox's view up to date and returns the
    /// untagged responses for what changed (RFC 9051 §7.5.1: `expunges` is
    /// false during FETCH, STORE and SEARCH).
    func synchronize(expunges: Bool) async -> [UInt8] {
        guard var view = selected else { return [] }
        let store = services.ingress.store
        let mailboxID = view.mailboxID
        guard let changes = try? await services.changeReader.changes(mailboxID: mailboxID, sinceModSeq: view.highestModSeq, read: {
            try await store.mailboxChanges(mailboxID: mailboxID, sinceModSeq: $0)
        }) else {
            return []
        }
        let shared = changes.mailbox.highestModSeq > view.highestModSeq
            ? services.views.messages(mailboxID: view.mailboxID, modSeq: changes.mailbox.highestModSeq) : nil
        let responses = view.apply(changes, expunges: expunges, condStore: condStore, qresync: qresync, shared: shared)
        if view.pendingExpunges.isEmpty, view.highestModSeq == changes.mailbox.highestModSeq, !responses.isEmpty || !changes.changed.isEmpty {
            view.messages = services.views.share(mailboxID: view.mailboxID, modSeq: view.highestModSeq, messages: view.messages)
        }
        selected = view
        return encode(responses.map(IMAPResponse.untagged))
    }

    /// The user's mailbox with this (Unicode) name.
    func lookup(_ name: String) async throws -> MailboxRecord? {
        try await services.ingress.store.imapMailboxes(userID: userID).first { $0.mailbox.name == name }?.mailbox
    }
}
