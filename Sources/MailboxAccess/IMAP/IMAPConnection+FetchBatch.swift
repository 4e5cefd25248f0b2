import CarrierStore
import IMAPProtocol
import MailCore

/// Prepares the responses of a FETCH a batch of messages at a time, with
/// what they need of the store read together: the MIME skeletons of up to
/// `fetchBatchSize` messages in one read, then the octets their items need
/// (only the ranges each item names) in one read, for as many messages as
/// fill the room left in the step. Literals over `streamedLiteralSize`
/// are not read here: the response keeps the opened body and their range,
/// sent piece by piece.
extension IMAPConnection {
    /// Messages whose skeletons are read together.
    static let fetchBatchSize = 512
    /// Literals larger than this are read a piece per step; the smaller
    /// ones (every body kept in the database among them) are read at once.
    static let streamedLiteralSize = 256 * 1024

    /// The responses of the first messages of `run.remaining`, in order:
    /// at least one, and no more than fill about `room` with octets read.
    func prepareResponses(_ run: inout IMAPFetchRun, _ view: IMAPMailboxView, room: Int) async throws -> [IMAPFetchResponse] {
        let store = services.ingress.store
        let indexes = run.remaining.prefix(Self.fetchBatchSize)
        if run.needsSkeletons {
            let missing = indexes.map { view.messages[$0].bodyHash }.filter { run.skeletons[$0] == nil }
            if !missing.isEmpty { run.skeletons.merge(try await store.mimeSkeletons(hashes: missing)) { stored, _ in stored } }
        }
        var plans: [(entry: IMAPMessageEntry, index: Int, hash: String?, answers: [IMAPFetchAnswer]?)] = []
        var reads: [BodyRange] = []
        var planned = 0
        for index in indexes where plans.isEmpty || planned < room {
            let entry = view.messages[index]
            // The hash is spelled out only when needed: that costs more than answering FLAGS.
            var hash = run.needsSkeletons ? entry.bodyHash : nil
            let answers = IMAPFetchBuilder(entry: entry, skeleton: hash.flatMap { run.skeletons[$0] }, utf8: utf8Names).answers(run.attributes)
            for answer in answers ?? [] {
                planned += answer.range?.count ?? 0
                guard let range = Self.readsAtOnce(answer) else { continue }
                let key = hash ?? entry.bodyHash
                hash = key
                reads.append(BodyRange(hash: key, range: range))
            }
            plans.append((entry, index, hash, answers))
        }
        var octets: [BodyRange: [UInt8]] = [:]
        if !reads.isEmpty {
            for (range, read) in zip(reads, try await store.bodyOctets(reads)) { octets[range] = read }
        }
        var responses: [IMAPFetchResponse] = []
        for plan in plans {
            guard let answers = plan.answers else {
                responses.append(.unreadable)
                continue
            }
            let streams = answers.contains { Self.streams($0) }
            let body = streams ? try await store.openBody(hash: plan.hash ?? plan.entry.bodyHash) : nil
            guard !streams || body != nil else {
                responses.append(.unreadable)
                continue
            }
            responses.append(response(plan.entry, number: plan.index + 1, answers, hash: plan.hash, octets: octets, body: body,
                                      flags: run.newlySeen.contains(plan.index) && !run.attributes.contains(.flags)))
        }
        return responses
    }

    /// Whether the answer is a literal sent piece by piece.
    private static func streams(_ answer: IMAPFetchAnswer) -> Bool {
        if case .literal(let range, _) = answer { return range.count > streamedLiteralSize }
        return false
    }

    /// The range of an answer that is read with the batch, if any.
    private static func readsAtOnce(_ answer: IMAPFetchAnswer) -> Range<Int>? {
        guard !streams(answer), let range = answer.range, !range.isEmpty else { return nil }
        return range
    }

    /// One message's response from its answers and the octets read for
    /// them (under `hash`, its body's); `flags`: add FLAGS, which this
    /// FETCH changed.
    private func response(_ entry: IMAPMessageEntry, number: Int, _ answers: [IMAPFetchAnswer], hash: String?,
                          octets: [BodyRange: [UInt8]], body: (any StoredBodyReader)?, flags: Bool) -> IMAPFetchResponse {
        var items: [IMAPFetchItem] = []
        var streamed: [Int: Int] = [:]
        var ranges: [Range<Int>] = []
        var unknownEncoding = false
        for answer in answers {
            switch answer {
            case .item(let item):
                items.append(item)
            case .unknownEncoding:
                unknownEncoding = true
            case .literal(let range, let make) where Self.streams(answer):
                streamed[items.count] = range.count
                ranges.append(range)
                items.append(make([]))
            case .literal(let range, let make), .derived(let range, let make):
                guard !range.isEmpty else {
                    items.append(make([]))
                    continue
                }
                guard let hash, let read = octets[BodyRange(hash: hash, range: range)] else { return .unreadable }
                items.append(make(read))
            }
        }
        if unknownEncoding { return .unknownEncoding }
        if flags { items.append(.flags(entry.wireFlags)) }
        let number = UInt32(number)
        guard !streamed.isEmpty else { return .segments([.octets(encode(.untagged(.fetch(number, items))))]) }
        guard let body else { return .unreadable }
        let pieces = IMAPResponseEncoder(utf8: utf8Names).encodeFetch(number, items, literalSizes: streamed)
        var segments: [IMAPFetchSegment] = [.octets(pieces[0])]
        for (range, piece) in zip(ranges, pieces.dropFirst()) { segments += [.body(body, range), .octets(piece)] }
        return .segments(segments)
    }
}

/// What one message of a FETCH answers.
enum IMAPFetchResponse {
    /// The response, ready but for the stored octets it streams.
    case segments([IMAPFetchSegment])
    /// Its body cannot be read now (nothing is sent for it).
    case unreadable
    /// BINARY of a part in an unknown encoding.
    case unknownEncoding
}
