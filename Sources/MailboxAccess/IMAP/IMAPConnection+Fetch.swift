import CarrierStore
import IMAPProtocol

/// FETCH and UID FETCH (RFC 9051 §6.4.5, §6.4.9, RFC 7162 §3.1.4, with
/// VANISHED of §3.2.6): ENVELOPE and BODYSTRUCTURE come from the MIME
/// skeletons stored with the bodies, sections from the octets they
/// locate, and large literals are sent a piece per step.
extension IMAPConnection {
    /// The most a FETCH writes in its first step: the client starts reading
    /// while the rest is prepared.
    static let firstFetchPart = 64 * 1024

    /// `room`: how much of the step's output budget is left for the responses.
    func fetch(_ tag: String, _ set: IMAPSequenceSet, _ request: IMAPFetchRequest, uid: Bool, room: Int) async -> [UInt8] {
        if request.vanished, !qresync { return encode(bad(tag, "QRESYNC is not enabled")) }
        var output = await synchronize(expunges: false)
        guard var view = selected else { return encode(bad(tag, "No mailbox selected")) }
        guard let indexes = view.indexes(set, uid: uid, saved: savedResult) else {
            return output + encode(bad(tag, "Invalid message sequence number"))
        }
        if request.vanished, let since = request.changedSince {
            // `*` reaches the last UID ever given, so a client asking for
            // `1:*` also learns that the newest messages went away.
            let largest = UInt32(truncatingIfNeeded: max(0, view.uidNext - 1))
            let requested = set.resolved(largest: largest) ?? IMAPNumberSet(savedResult)
            if let vanished = try? await vanishedEarlier(view, known: requested, since: Int64(clamping: since)) {
                output += encode(.untagged(.vanished(vanished, earlier: true)))
            }
        }
        var attributes = request.attributes
        if uid, !attributes.contains(.uid) { attributes.insert(.uid, at: 0) }
        if request.changedSince != nil || attributes.contains(.modSeq) {
            enabled.insert("CONDSTORE")
            if !attributes.contains(.modSeq) { attributes.append(.modSeq) }
        }
        var selection = indexes
        if let since = request.changedSince { selection = selection.filter { view.messages[$0].modSeq > Int64(since) } }

        let setsSeen = !view.readOnly && attributes.contains(where: \.setsSeen)
        let newlySeen = setsSeen ? selection.filter { !view.messages[$0].has(IMAPFlags.seen) } : []
        if !newlySeen.isEmpty {
            let updates = newlySeen.map { IMAPFlagUpdate(uid: Int64(view.messages[$0].uid), flags: view.messages[$0].flags + [IMAPFlags.seen]) }
            if let modSeq = try? await services.ingress.store.storeFlags(mailboxID: view.mailboxID, updates: updates) {
                for index in newlySeen {
                    view.messages[index].flags.append(IMAPFlags.seen)
                    view.messages[index].modSeq = modSeq
                }
                selected = view
                services.changes.changed(mailboxID: view.mailboxID)
            }
        }
        fetchRun = IMAPFetchRun(tag: tag, uid: uid, attributes: attributes, remaining: selection[...], newlySeen: Set(newlySeen))
        return output + (await continueFetch(room: min(room - output.count, Self.firstFetchPart)))
    }

    /// Writes the responses of the running FETCH until they fill `room`
    /// bytes (at least one response, or a piece of one); the tagged OK
    /// follows the last one. What is left goes out in the next step, once
    /// the client has taken this part.
    func continueFetch(room: Int) async -> [UInt8] {
        guard var run = fetchRun, let view = selected else {
            fetchRun = nil
            return []
        }
        var output: [UInt8] = []
        do {
            try await send(&run.pending, into: &output, room: room)
        } catch {
            // The client holds part of a literal: only closing the connection keeps it from taking a wrong message.
            log.error("\(who): FETCH stopped in the middle of a message: \(error)")
            fetchRun = nil
            finish(reason: "FETCH failed")
            return output
        }
        if run.answersFromEntries {
            answerFromEntries(&run, view, into: &output, room: room)
        }
        while run.pending.isEmpty, !run.remaining.isEmpty, output.isEmpty || output.count < room {
            let responses: [IMAPFetchResponse]
            do {
                responses = try await prepareResponses(&run, view, room: room - output.count)
            } catch {
                log.error("\(who): FETCH failed: \(error)")
                fetchRun = nil
                return output + encode(no(run.tag, "Message cannot be read now; try again", .unavailable))
            }
            for response in responses {
                guard run.pending.isEmpty, output.isEmpty || output.count < room else { break }
                let index = run.remaining.removeFirst()
                let entry = view.messages[index]
                if run.needsSkeletons { run.skeletons[entry.bodyHash] = nil }
                switch response {
                case .unreadable where view.pendingExpunges.contains(entry.uid):
                    continue
                case .unreadable:
                    // A body that cannot be read now is never sent as an empty message: clients cache what they fetch.
                    fetchRun = nil
                    return output + encode(no(run.tag, "Message cannot be read now; try again", .unavailable))
                case .unknownEncoding:
                    fetchRun = nil
                    return output + encode(no(run.tag, "Unknown Content-Transfer-Encoding", .unknownCTE))
                case .segments(var segments):
                    let start = output.count
                    do {
                        try await send(&segments, into: &output, room: room)
                    } catch {
                        // Nothing of this response has left yet: take it back.
                        output.removeLast(output.count - start)
                        if view.pendingExpunges.contains(entry.uid) { continue }
                        log.error("\(who): FETCH of UID \(entry.uid) failed: \(error)")
                        fetchRun = nil
                        return output + encode(no(run.tag, "Message cannot be read now; try again", .unavailable))
                    }
                    run.pending = segments
                }
            }
        }
        guard run.remaining.isEmpty, run.pending.isEmpty else {
            fetchRun = run
            return output
        }
        fetchRun = nil
        return output + encode(ok(run.tag, "\(run.uid ? "UID FETCH" : "FETCH") completed"))
    }

    /// The responses of a FETCH of only UID, FLAGS, INTERNALDATE,
    /// RFC822.SIZE and MODSEQ (a client synchronizing its flags), written
    /// straight from the message list into `output` until it fills `room`.
    private func answerFromEntries(_ run: inout IMAPFetchRun, _ view: IMAPMailboxView, into output: inout [UInt8], room: Int) {
        let encoder = IMAPResponseEncoder(utf8: utf8Names)
        var items: [IMAPFetchItem] = []
        items.reserveCapacity(run.attributes.count + 1)
        while let index = run.remaining.first, output.isEmpty || output.count < room {
            run.remaining.removeFirst()
            let entry = view.messages[index]
            items.removeAll(keepingCapacity: true)
            for attribute in run.attributes {
                if let item = IMAPFetchBuilder.entryItem(attribute, of: entry) { items.append(item) }
            }
            if run.newlySeen.contains(index), !run.attributes.contains(.flags) { items.append(.flags(entry.wireFlags)) }
            encoder.encode(.untagged(.fetch(UInt32(index + 1), items)), into: &output)
        }
    }

    /// Appends `segments` to `output` until it holds `room` octets, reading
    /// ranges of stored bodies a piece at a time (at least
    /// `minimumBodyPiece` into an empty output); what is left stays in
    /// `segments`. Throws when a body cannot be read.
    private func send(_ segments: inout [IMAPFetchSegment], into output: inout [UInt8], room: Int) async throws {
        while let segment = segments.first {
            switch segment {
            case .octets(let octets):
                output += octets
            case .body(let body, let range):
                let space = output.isEmpty ? max(room, Self.minimumBodyPiece) : room - output.count
                guard space > 0 else { return }
                let piece = range.lowerBound..<(range.lowerBound + min(range.count, space))
                let octets = try await body.read(piece)
                guard octets.count == piece.count else { throw MailStoreError.corrupt("a body is shorter than its size") }
                output += octets
                if piece.upperBound < range.upperBound {
                    segments[0] = .body(body, piece.upperBound..<range.upperBound)
                    continue
                }
            }
            segments.removeFirst()
        }
    }

    /// The smallest piece of a body a step sends, even when the output
    /// budget is spent before the step starts.
    static let minimumBodyPiece = 64 * 1024
}
