import IMAPProtocol
import NIOConcurrencyHelpers

/// The ENVELOPE and BODYSTRUCTURE of recently fetched messages, by body
/// hash, shared by every IMAP connection: a client listing a mailbox
/// again, or several clients of one user, get them without the message
/// being loaded and parsed again. Bodies never change under a hash, so
/// entries never go stale; they are only forgotten.
///
/// Bounded and approximately least-recently-used: two generations of at
/// most `capacity / 2` entries; a hit in the older one moves to the newer,
/// and when the newer is full the older is dropped. Every access is O(1).
public final class IMAPStructureCache: Sendable {
    /// What is known of one body, as shown with or without UTF-8 (which
    /// changes how display names and parameters are written).
    struct Entry: Sendable {
        var envelope: IMAPEnvelope?
        var structure: IMAPBodyStructure?
    }

    private struct Key: Hashable {
        let hash: String
        let utf8: Bool
    }

    private struct Generations {
        var current: [Key: Entry] = [:]
        var previous: [Key: Entry] = [:]
    }

    private let generationSize: Int
    private let state = NIOLockedValueBox(Generations())

    public init(capacity: Int = 4096) {
        generationSize = max(1, capacity / 2)
    }

    func entry(hash: String, utf8: Bool) -> Entry? {
        let key = Key(hash: hash, utf8: utf8)
        return state.withLockedValue { state in
            if let entry = state.current[key] { return entry }
            guard let entry = state.previous.removeValue(forKey: key) else { return nil }
            Self.insert(entry, key, into: &state, limit: generationSize)
            return entry
        }
    }

    /// Adds what was just parsed to what is known of the body.
    func remember(_ learned: Entry, hash: String, utf8: Bool) {
        let key = Key(hash: hash, utf8: utf8)
        state.withLockedValue { state in
            var entry = state.current[key] ?? state.previous.removeValue(forKey: key) ?? Entry()
            entry.envelope = learned.envelope ?? entry.envelope
            entry.structure = learned.structure ?? entry.structure
            Self.insert(entry, key, into: &state, limit: generationSize)
        }
    }

    private static func insert(_ entry: Entry, _ key: Key, into state: inout Generations, limit: Int) {
        if state.current[key] == nil, state.current.count >= limit {
            state.previous = state.current
            state.current = [:]
        }
        state.current[key] = entry
    }
}
