import NIOConcurrencyHelpers

/// The message lists of selected mailboxes, shared by the sessions that
/// select them: a session whose view is up to date with a mailbox's
/// HIGHESTMODSEQ (and holds no unreported expunges) adopts the cached array,
/// so a thousand sessions on one mailbox hold one copy of it (arrays are
/// copy-on-write), and a SELECT of an unchanged mailbox reads no rows.
/// Bounded: the least recently used mailboxes are dropped past `capacity`.
public final class IMAPViewCache: Sendable {
    private struct Entry {
        var modSeq: Int64
        var messages: [IMAPMessageEntry]
        var used: UInt64
    }

    private struct State {
        var entries: [Int64: Entry] = [:]
        var clock: UInt64 = 0
    }

    private let state = NIOLockedValueBox(State())
    let capacity: Int

    public init(capacity: Int = 128) {
        self.capacity = capacity
    }

    /// The cached list of `mailboxID` as of `modSeq`, if that is what is cached.
    func messages(mailboxID: Int64, modSeq: Int64) -> [IMAPMessageEntry]? {
        state.withLockedValue { state in
            guard var entry = state.entries[mailboxID], entry.modSeq == modSeq else { return nil }
            state.clock += 1
            entry.used = state.clock
            state.entries[mailboxID] = entry
            return entry.messages
        }
    }

    /// Offers a complete list of `mailboxID` as of `modSeq`; returns the list
    /// to keep — the cached one when it is of the same state, so the caller
    /// shares its storage.
    func share(mailboxID: Int64, modSeq: Int64, messages: [IMAPMessageEntry]) -> [IMAPMessageEntry] {
        state.withLockedValue { state in
            state.clock += 1
            if var entry = state.entries[mailboxID], entry.modSeq >= modSeq {
                guard entry.modSeq == modSeq else { return messages }
                entry.used = state.clock
                state.entries[mailboxID] = entry
                return entry.messages
            }
            state.entries[mailboxID] = Entry(modSeq: modSeq, messages: messages, used: state.clock)
            if state.entries.count > capacity, let oldest = state.entries.min(by: { $0.value.used < $1.value.used })?.key {
                state.entries[oldest] = nil
            }
            return messages
        }
    }
}
