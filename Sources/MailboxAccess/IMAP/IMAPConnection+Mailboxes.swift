import CarrierStore
import IMAPProtocol

/// CREATE, DELETE, RENAME, SUBSCRIBE and UNSUBSCRIBE (RFC 9051 §6.3.4–§6.3.8,
/// RFC 6154 §3). Names are data, never paths: `..`, control characters and
/// empty levels are refused.
extension IMAPConnection {
    /// A name a client may create or rename to, or the reason it may not.
    func creatableName(_ wire: String) -> Result<IMAPMailboxName, IMAPMailboxNameError> {
        let name: IMAPMailboxName
        do { name = try IMAPMailboxName(wire: wire, utf8: utf8Names) } catch { return .failure(error) }
        if name.levels.contains(where: { $0 == "." || $0 == ".." }) {
            return .failure(IMAPMailboxNameError("Mailbox name may not contain . or .. levels"))
        }
        return .success(name)
    }

    /// The special-use attribute a mailbox has by its name (RFC 6154 §2).
    static func specialUse(_ name: String) -> IMAPMailboxAttribute? {
        switch name {
        case "Sent": .sent
        case "Drafts": .drafts
        case "Trash": .trash
        case "Junk": .junk
        case "Archive": .archive
        default: nil
        }
    }

    func create(_ tag: String, _ wire: String, specialUse: [IMAPMailboxAttribute]) async -> [UInt8] {
        let name: IMAPMailboxName
        switch creatableName(wire) {
        case .failure(let error): return encode(no(tag, error.reason, .cannot))
        case .success(let valid): name = valid
        }
        if name.isInbox { return encode(no(tag, "INBOX always exists", .alreadyExists)) }
        if !specialUse.isEmpty, specialUse != [Self.specialUse(name.name)].compactMap({ $0 }) {
            return encode(no(tag, "This special-use attribute cannot be given to this mailbox", .useAttribute))
        }
        do {
            let store = services.ingress.store
            let existing = Set(try await store.imapMailboxes(userID: userID).map(\.mailbox.name))
            if existing.contains(name.name) { return encode(no(tag, "Mailbox already exists", .alreadyExists)) }
            var parents: [String] = []
            var parent = name.parent
            while let current = parent {
                if !existing.contains(current.name) { parents.insert(current.name, at: 0) }
                parent = current.parent
            }
            try await store.ensureMailboxes(userID: userID, names: parents)
            _ = try await store.createMailbox(userID: userID, name: name.name)
            return encode(ok(tag, "CREATE completed"))
        } catch IMAPStoreError.mailboxExists {
            return encode(no(tag, "Mailbox already exists", .alreadyExists))
        } catch {
            return encode(no(tag, "Temporary server failure", .unavailable))
        }
    }

    func delete(_ tag: String, _ wire: String) async -> [UInt8] {
        guard let name = try? IMAPMailboxName(wire: wire, utf8: utf8Names) else {
            return encode(no(tag, "Mailbox doesn't exist", .nonExistent))
        }
        if name.isInbox { return encode(no(tag, "INBOX cannot be deleted", .cannot)) }
        do {
            let store = services.ingress.store
            let names = try await store.imapMailboxes(userID: userID).map(\.mailbox.name)
            guard let record = try await lookup(name.name) else { return encode(no(tag, "Mailbox doesn't exist", .nonExistent)) }
            if names.contains(where: { $0.hasPrefix(name.name + "/") }) {
                return encode(no(tag, "Mailbox has children, delete them first", .hasChildren))
            }
            if selected?.mailboxID == record.id {
                selected = nil
                state = .authenticated
            }
            _ = try await store.deleteMailbox(userID: userID, name: name.name)
            services.changes.changed(mailboxID: record.id)
            return encode(ok(tag, "DELETE completed"))
        } catch {
            return encode(no(tag, "Temporary server failure", .unavailable))
        }
    }

    func rename(_ tag: String, from: String, to: String) async -> [UInt8] {
        guard let source = try? IMAPMailboxName(wire: from, utf8: utf8Names) else {
            return encode(no(tag, "Mailbox doesn't exist", .nonExistent))
        }
        let target: IMAPMailboxName
        switch creatableName(to) {
        case .failure(let error): return encode(no(tag, error.reason, .cannot))
        case .success(let valid): target = valid
        }
        if target.isInbox { return encode(no(tag, "Cannot rename to INBOX", .alreadyExists)) }
        if target.name.hasPrefix(source.name + "/") { return encode(no(tag, "Cannot rename a mailbox into itself", .cannot)) }
        do {
            let store = services.ingress.store
            let existing = Set(try await store.imapMailboxes(userID: userID).map(\.mailbox.name))
            guard existing.contains(source.name) else { return encode(no(tag, "Mailbox doesn't exist", .nonExistent)) }
            var parents: [String] = []
            var parent = target.parent
            while let current = parent {
                if !existing.contains(current.name) { parents.insert(current.name, at: 0) }
                parent = current.parent
            }
            try await store.renameMailbox(userID: userID, from: source.name, to: target.name)
            try await store.ensureMailboxes(userID: userID, names: parents)
            if let view = selected { services.changes.changed(mailboxID: view.mailboxID) }
            return encode(ok(tag, "RENAME completed"))
        } catch IMAPStoreError.mailboxExists {
            return encode(no(tag, "Target mailbox already exists", .alreadyExists))
        } catch IMAPStoreError.noSuchMailbox {
            return encode(no(tag, "Mailbox doesn't exist", .nonExistent))
        } catch {
            return encode(no(tag, "Temporary server failure", .unavailable))
        }
    }

    func subscribe(_ tag: String, _ wire: String, _ subscribed: Bool) async -> [UInt8] {
        let verb = subscribed ? "SUBSCRIBE" : "UNSUBSCRIBE"
        guard let name = try? IMAPMailboxName(wire: wire, utf8: utf8Names) else {
            return encode(no(tag, "Mailbox doesn't exist", .nonExistent))
        }
        do {
            guard try await services.ingress.store.setSubscribed(userID: userID, name: name.name, subscribed: subscribed) else {
                return encode(no(tag, "Mailbox doesn't exist", .nonExistent))
            }
            return encode(ok(tag, "\(verb) completed"))
        } catch {
            return encode(no(tag, "Temporary server failure", .unavailable))
        }
    }
}
