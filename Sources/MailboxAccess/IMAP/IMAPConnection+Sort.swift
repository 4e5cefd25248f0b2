import CarrierStore
import IMAPProtocol

/// SORT and THREAD with their UID forms (RFC 5256 §3, RFC 5957): a SEARCH,
/// then the matches ordered or threaded by the header fields the store
/// cached at delivery, without loading message bodies for that part.
extension IMAPConnection {
    func sort(_ tag: String, _ command: IMAPSortCommand, uid: Bool) async -> [UInt8] {
        let verb = uid ? "UID SORT" : "SORT"
        let output = await synchronize(expunges: false)
        switch await sortMessages(command.charset, command.keys, uid: uid) {
        case .failure(let response):
            return output + encode(response.tagged(tag))
        case .success(let messages):
            let numbers = IMAPSorter.sort(messages, by: command.criteria)
            return output + encode([.untagged(.sort(numbers)), ok(tag, "\(verb) completed")])
        }
    }

    func thread(_ tag: String, _ command: IMAPThreadCommand, uid: Bool) async -> [UInt8] {
        let verb = uid ? "UID THREAD" : "THREAD"
        let output = await synchronize(expunges: false)
        switch await sortMessages(command.charset, command.keys, uid: uid) {
        case .failure(let response):
            return output + encode(response.tagged(tag))
        case .success(let messages):
            let threads = IMAPThreader.thread(messages, algorithm: command.algorithm)
            return output + encode([.untagged(.thread(threads)), ok(tag, "\(verb) completed")])
        }
    }

    /// The messages that match the search keys, in mailbox order, with what
    /// sorting and threading read.
    private func sortMessages(_ charset: String, _ keys: [IMAPSearchKey], uid: Bool) async -> Result<[IMAPSortMessage], SortRefusal> {
        guard let view = selected else { return .failure(.noMailbox) }
        guard Self.searchCharsets.contains(charset) else { return .failure(.badCharset) }
        let criteria = keys.count == 1 ? keys[0] : .and(keys)
        let found: [Int]
        let metadata: [Int64: MessageMetadata]
        do {
            found = try await matching(criteria, in: view)
            guard !found.isEmpty else { return .success([]) }
            metadata = try await services.ingress.store.messageMetadata(mailboxID: view.mailboxID)
        } catch {
            log.error("\(who): SORT/THREAD cannot read the mailbox: \(error)")
            return .failure(.unavailable)
        }
        return .success(found.map { index in
            let entry = view.messages[index]
            let fields = metadata[Int64(entry.uid)]
            return IMAPSortMessage(number: uid ? entry.uid : UInt32(index + 1), arrival: entry.internalDate, date: fields?.date,
                                   size: entry.size, subject: fields?.subject, from: fields?.from, to: fields?.to, cc: fields?.cc,
                                   messageID: fields?.messageID, inReplyTo: fields?.inReplyTo, references: fields?.references)
        })
    }
}

/// Why SORT or THREAD did not run.
enum SortRefusal: Error {
    case noMailbox
    case badCharset
    case unavailable

    func tagged(_ tag: String) -> IMAPResponse {
        switch self {
        case .noMailbox: .tagged(tag: tag, .bad, text: "No mailbox selected")
        case .badCharset: .tagged(tag: tag, .no, code: .badCharset(IMAPConnection.searchCharsets), text: "Unsupported charset")
        case .unavailable: .tagged(tag: tag, .no, code: .unavailable, text: "Temporary server failure")
        }
    }
}
