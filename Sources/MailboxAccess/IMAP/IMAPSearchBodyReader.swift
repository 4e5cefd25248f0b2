import CarrierStore

/// Reads the bodies a SEARCH looks into, a batch of messages at a time: each
/// batch holds up to `byteLimit` of message sizes (and at least one
/// message), and the next `readAhead` batches are read, each by its own
/// store reader, while the caller matches the current one, so reading and
/// matching use every core.
struct IMAPSearchBodyReader {
    /// One batch: the view indexes it covers, their body hashes in the same
    /// order, and the bodies the store has, by hash.
    struct Batch: Sendable {
        let indexes: Range<Int>
        let hashes: [String]
        let contents: [String: [UInt8]]
    }

    /// About 4 MiB of bodies per batch: with two read ahead, a search holds
    /// about 12 MiB of bodies at most.
    static let byteLimit = 4 << 20
    static let readAhead = 2

    private let store: any MailStore
    private let messages: [IMAPMessageEntry]
    private var batches: ArraySlice<Range<Int>>
    private var pending: [Task<Batch, any Error>] = []

    init(store: any MailStore, messages: [IMAPMessageEntry], byteLimit: Int = Self.byteLimit) {
        self.store = store
        self.messages = messages
        batches = Self.batches(messages, byteLimit: byteLimit)[...]
        startReads()
    }

    /// The next batch, with the reads of the following ones started; nil at the end.
    mutating func next() async throws -> Batch? {
        guard !pending.isEmpty else { return nil }
        let current = pending.removeFirst()
        startReads()
        return try await current.value
    }

    /// Stops the reads ahead (after a failure or when the caller gives up).
    func cancel() {
        for task in pending { task.cancel() }
    }

    private mutating func startReads() {
        while pending.count < Self.readAhead, let indexes = batches.popFirst() {
            let entries = messages[indexes]
            let store = store
            pending.append(Task {
                let hashes = entries.map(\.bodyHash)
                return Batch(indexes: indexes, hashes: hashes, contents: try await store.contents(hashes: hashes))
            })
        }
    }

    /// Consecutive index ranges whose message sizes add up to at most
    /// `byteLimit`, except a single larger message, which is a batch alone.
    static func batches(_ messages: [IMAPMessageEntry], byteLimit: Int) -> [Range<Int>] {
        var batches: [Range<Int>] = []
        var start = 0
        var bytes = 0
        for (index, entry) in messages.enumerated() {
            if index > start, bytes + entry.size > byteLimit {
                batches.append(start..<index)
                start = index
                bytes = 0
            }
            bytes += entry.size
        }
        if start < messages.count { batches.append(start..<messages.count) }
        return batches
    }
}
