import IMAPProtocol
import Ingress

/// Sends each command to its family, after checking that the connection
/// state allows it (RFC 9051 §3, §6).
extension IMAPConnection {
    func execute(_ tagged: IMAPTaggedCommand, into output: inout ConnectionOutput) async {
        let tag = tagged.tag
        switch tagged.command {
        case .capability:
            output.bytes += encode([.untagged(.capability(capabilities)), ok(tag, "CAPABILITY completed")])
        case .noop, .check:
            output.bytes += await synchronize(expunges: true)
            output.bytes += encode(ok(tag, "\(tagged.command.name) completed"))
        case .logout:
            output.bytes += encode([.untagged(.condition(.bye, text: "Logging out")), ok(tag, "LOGOUT completed")])
            output.close = true
            state = .logout
            finish(reason: "Logged out")
        case .startTLS:
            output.bytes += startTLS(tag, &output)
        case .compress(let mechanism):
            output.bytes += compress(tag, mechanism: mechanism, &output)
        case .login(let user, let password):
            output.bytes += await login(tag, user: user, password: password)
        case .authenticate(let mechanism, let initialResponse):
            output.bytes += await authenticate(tag, mechanism: mechanism, initialResponse: initialResponse)
        case .id:
            let fields = [IMAPIDField("name", "Carrier"), IMAPIDField("vendor", "Carrier")]
            output.bytes += encode([.untagged(.id(fields)), ok(tag, "ID completed")])
        default:
            guard state == .authenticated || state == .selected else {
                output.bytes += encode(bad(tag, "Not authenticated"))
                return
            }
            output.bytes += await executeAuthenticated(tagged, room: Self.outputBudget - output.bytes.count)
        }
    }

    /// Commands of the authenticated and selected states; `room` is what is
    /// left of the step's output budget.
    func executeAuthenticated(_ tagged: IMAPTaggedCommand, room: Int) async -> [UInt8] {
        let tag = tagged.tag
        switch tagged.command {
        case .enable(let names): return enable(tag, names)
        case .namespace:
            let personal = IMAPNamespaceResponse(personal: [IMAPNamespace(prefix: "", delimiter: "/")])
            return encode([.untagged(.namespace(personal)), ok(tag, "NAMESPACE completed")])
        case .select(let name, let parameters): return await select(tag, name, parameters, readOnly: false)
        case .examine(let name, let parameters): return await select(tag, name, parameters, readOnly: true)
        case .create(let name, let specialUse): return await create(tag, name, specialUse: specialUse)
        case .delete(let name): return await delete(tag, name)
        case .rename(let from, let to): return await rename(tag, from: from, to: to)
        case .subscribe(let name): return await subscribe(tag, name, true)
        case .unsubscribe(let name): return await subscribe(tag, name, false)
        case .list(let command): return await list(tag, command)
        case .lsub(let reference, let pattern): return await lsub(tag, reference: reference, pattern: pattern)
        case .status(let name, let attributes): return await status(tag, name, attributes)
        case .append(let name, let messages): return await append(tag, name, messages)
        case .idle: return await startIdle(tag)
        case .getQuota(let root): return await getQuota(tag, root: root)
        case .getQuotaRoot(let name): return await getQuotaRoot(tag, name)
        case .setQuota: return encode(no(tag, "Quota limits are set by the administrator (mailbox_size_limit)", .noPerm))
        default:
            guard state == .selected, selected != nil else { return encode(bad(tag, "No mailbox selected")) }
            return await executeSelected(tagged, room: room)
        }
    }

    /// Commands of the selected state.
    func executeSelected(_ tagged: IMAPTaggedCommand, room: Int) async -> [UInt8] {
        let tag = tagged.tag
        switch tagged.command {
        case .close: return await close(tag, expunge: true)
        case .unselect: return await close(tag, expunge: false)
        case .expunge: return await expunge(tag, uids: nil)
        case .uidExpunge(let set): return await expunge(tag, uids: set)
        case .fetch(let set, let request, let uid): return await fetch(tag, set, request, uid: uid, room: room)
        case .store(let set, let request, let uid): return await store(tag, set, request, uid: uid)
        case .search(let command, let uid): return await search(tag, command, uid: uid)
        case .copy(let set, let name, let uid): return await copy(tag, set, name, uid: uid, move: false)
        case .move(let set, let name, let uid): return await copy(tag, set, name, uid: uid, move: true)
        case .sort(let command, let uid): return await sort(tag, command, uid: uid)
        case .thread(let command, let uid): return await thread(tag, command, uid: uid)
        default: return encode(bad(tag, "\(tagged.command.name) is not supported"))
        }
    }

    func ok(_ tag: String, _ text: String, _ code: IMAPResponseCode? = nil) -> IMAPResponse {
        .tagged(tag: tag, .ok, code: code, text: text)
    }

    func no(_ tag: String, _ text: String, _ code: IMAPResponseCode? = nil) -> IMAPResponse {
        .tagged(tag: tag, .no, code: code, text: text)
    }

    func bad(_ tag: String, _ text: String) -> IMAPResponse {
        .tagged(tag: tag, .bad, text: text)
    }

    /// What CAPABILITY lists now (RFC 9051 §6.1.1): STARTTLS and
    /// LOGINDISABLED only before TLS, AUTH=PLAIN only where plaintext is allowed.
    var capabilities: [String] {
        var list = ["IMAP4rev1", "IMAP4rev2"]
        if state == .notAuthenticated {
            let plaintextAllowed = tlsActive || !services.ingress.settings.disablePlaintextAuth
            if startTLSOffered && !tlsActive { list.append("STARTTLS") }
            if plaintextAllowed { list.append("AUTH=PLAIN") } else { list.append("LOGINDISABLED") }
            list.append("AUTH=SCRAM-SHA-256")
        }
        list += ["SASL-IR", "LITERAL+", "ENABLE", "IDLE", "UIDPLUS", "MOVE", "NAMESPACE", "UNSELECT", "CHILDREN",
                 "LIST-EXTENDED", "LIST-STATUS", "SPECIAL-USE", "ID", "ESEARCH", "SEARCHRES", "STATUS=SIZE", "CONDSTORE", "QRESYNC",
                 "UTF8=ACCEPT", "BINARY", "SORT", "SORT=DISPLAY", "THREAD=ORDEREDSUBJECT", "THREAD=REFERENCES"]
        let limit = services.ingress.settings.messageSizeLimit
        if limit > 0 { list.append("APPENDLIMIT=\(limit)") }
        if quotaLimit > 0 { list += ["QUOTA", "QUOTA=RES-STORAGE"] }
        if state != .notAuthenticated, !compressionActive { list.append("COMPRESS=DEFLATE") }
        return list
    }
}
