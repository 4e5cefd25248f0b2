import NIOConcurrencyHelpers

/// The maildrops (by user id) a POP3 session holds (RFC 1939 §8: exclusive access to the
/// maildrop for the session's life). In memory: a restart ends every session.
public final class MaildropLocks: Sendable {
    private let held = NIOLockedValueBox<Set<Int64>>([])

    public init() {}

    /// Takes the lock on user `id`'s maildrop; false when another session has it.
    public func acquire(_ id: Int64) -> Bool {
        held.withLockedValue { $0.insert(id).inserted }
    }

    public func release(_ id: Int64) {
        _ = held.withLockedValue { $0.remove(id) }
    }
}
