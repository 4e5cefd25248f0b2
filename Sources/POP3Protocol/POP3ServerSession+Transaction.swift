/// The TRANSACTION state (RFC 1939 §5, §7) and QUIT into UPDATE (§6). The
/// commands here run only in TRANSACTION, where `maildrop` is always set.
extension POP3ServerSession {
    mutating func stat(into actions: inout [POP3ServerAction]) {
        guard let maildrop else { return }
        respond(.ok("\(maildrop.count) \(maildrop.octets)"), into: &actions)
    }

    /// Deleted messages are not listed (RFC 1939 §5).
    mutating func list(_ number: Int?, into actions: inout [POP3ServerAction]) {
        guard let maildrop else { return }
        if let number {
            if let message = lookup(number, into: &actions) { respond(.ok("\(number) \(message.size)"), into: &actions) }
            return
        }
        let lines = maildrop.undeletedNumbers.map { "\($0) \(maildrop.messages[$0 - 1].size)" }
        let summary = POP3Response.ok("\(maildrop.count) message\(maildrop.count == 1 ? "" : "s") (\(maildrop.octets) octets)")
        actions.append(.send(summary.encoded(lines: lines)))
    }

    mutating func uidl(_ number: Int?, into actions: inout [POP3ServerAction]) {
        guard let maildrop else { return }
        if let number {
            if let message = lookup(number, into: &actions) { respond(.ok("\(number) \(message.uniqueID)"), into: &actions) }
            return
        }
        let lines = maildrop.undeletedNumbers.map { "\($0) \(maildrop.messages[$0 - 1].uniqueID)" }
        actions.append(.send(POP3Response.ok().encoded(lines: lines)))
    }

    mutating func dele(_ number: Int, into actions: inout [POP3ServerAction]) {
        guard lookup(number, into: &actions) != nil else { return }
        maildrop?.delete(number)
        respond(.deleted(number), into: &actions)
    }

    mutating func rset(into actions: inout [POP3ServerAction]) {
        maildrop?.undeleteAll()
        guard let maildrop else { return }
        respond(.maildropSummary(count: maildrop.count, octets: maildrop.octets), into: &actions)
    }

    mutating func retrieve(_ number: Int, topLines: Int?, into actions: inout [POP3ServerAction]) {
        guard let message = lookup(number, into: &actions) else { return }
        waiting = .message(number: number, topLines: topLines)
        actions.append(.retrieve(uid: message.uid, number: number, topLines: topLines))
    }

    /// The message numbered `number`, or nil after sending the `-ERR` for a
    /// number that names no message or a deleted one.
    mutating func lookup(_ number: Int, into actions: inout [POP3ServerAction]) -> POP3MessageInfo? {
        switch maildrop?.message(number) {
        case .success(let message)?:
            return message
        case .failure(let response)?:
            respond(response, into: &actions)
            return nil
        case nil:
            return nil
        }
    }

    /// The RETR or TOP response for a loaded message: for RETR, `+OK n octets`
    /// with the octets actually sent; then the byte-stuffed message.
    mutating func sendMessage(_ message: [UInt8], topLines: Int?, into actions: inout [POP3ServerAction]) {
        var encoder = POP3MessageEncoder(bodyLineLimit: topLines)
        var body: [UInt8] = []
        body.reserveCapacity(message.count + message.count / 64 + 8)
        encoder.encode(message, into: &body)
        encoder.finish(into: &body)
        let first: POP3Response = topLines == nil ? .ok("\(encoder.messageOctets) octets") : .ok()
        actions.append(.send(first.encoded() + body))
    }

    /// QUIT: in AUTHORIZATION the session just ends; in TRANSACTION the UPDATE
    /// state removes the messages marked deleted (RFC 1939 §6).
    mutating func quit(into actions: inout [POP3ServerAction]) {
        guard state == .transaction, let maildrop else {
            actions += signOff(.signingOff(configuration.hostname, left: nil))
            return
        }
        state = .update
        let uids = maildrop.deletedUIDs
        guard !uids.isEmpty else {
            actions += signOff(.signingOff(configuration.hostname, left: maildrop.count))
            return
        }
        waiting = .deletions
        actions.append(.commitDeletions(uids))
    }
}
