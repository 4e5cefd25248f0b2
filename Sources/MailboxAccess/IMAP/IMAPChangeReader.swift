import CarrierStore
import NIOConcurrencyHelpers

/// Reads what changed in a mailbox for the IMAP sessions that watch it,
/// once for all of them: the sessions that ask while a read of the mailbox
/// is running wait for the next one, which starts when it ends and reads
/// from the oldest mod-sequence among them; each gets the part after its
/// own. Every answer is read after its question was asked, so a session
/// always sees its own writes — and a thousand sessions woken by one
/// delivery cost two reads instead of a thousand.
public final class IMAPChangeReader: Sendable {
    private struct Waiter {
        let sinceModSeq: Int64
        let continuation: CheckedContinuation<IMAPMailboxChanges?, any Error>
    }

    /// The sessions waiting for the next read of each mailbox that has a read running.
    private let waiting = NIOLockedValueBox<[Int64: [Waiter]]>([:])

    public init() {}

    /// Reads the changes of one mailbox after a mod-sequence (`MailStore.mailboxChanges`).
    public typealias Read = @Sendable (_ sinceModSeq: Int64) async throws -> IMAPMailboxChanges?

    /// What changed in `mailboxID` after `sinceModSeq`, or nil when the
    /// mailbox is gone; `read` reads it when this caller starts a round.
    public func changes(mailboxID: Int64, sinceModSeq: Int64, read: @escaping Read) async throws -> IMAPMailboxChanges? {
        try await withCheckedThrowingContinuation { continuation in
            let leads = waiting.withLockedValue { waiting in
                let idle = waiting[mailboxID] == nil
                waiting[mailboxID, default: []].append(Waiter(sinceModSeq: sinceModSeq, continuation: continuation))
                return idle
            }
            if leads { Task { await self.readRounds(mailboxID: mailboxID, read: read) } }
        }
    }

    /// How many sessions wait for the next read of `mailboxID`.
    func waitingCount(mailboxID: Int64) -> Int {
        waiting.withLockedValue { $0[mailboxID]?.count ?? 0 }
    }

    /// Reads for whoever is waiting, round after round, until nobody is.
    private func readRounds(mailboxID: Int64, read: Read) async {
        while true {
            let round = waiting.withLockedValue { waiting -> [Waiter] in
                let round = waiting[mailboxID] ?? []
                if round.isEmpty { waiting[mailboxID] = nil } else { waiting[mailboxID] = [] }
                return round
            }
            guard let oldest = round.map(\.sinceModSeq).min() else { return }
            do {
                let changes = try await read(oldest)
                for waiter in round { waiter.continuation.resume(returning: changes?.since(waiter.sinceModSeq)) }
            } catch {
                for waiter in round { waiter.continuation.resume(throwing: error) }
            }
        }
    }
}
