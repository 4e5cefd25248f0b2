import NIOConcurrencyHelpers

/// Wakes the sessions watching a mailbox when it changes (new mail, flags,
/// expunges), so IMAP IDLE reports at once and other sessions report at their
/// next command (RFC 9051 §7.5.1). Deliveries from SMTP signal it through the
/// store's change counter; sessions signal it directly after their own writes.
public final class MailboxChangeNotifier: Sendable {
    private struct Watcher {
        let mailboxID: Int64
        let wake: @Sendable () -> Void
    }

    private let watchers = NIOLockedValueBox<[UInt64: Watcher]>([:])
    private let nextToken = NIOLockedValueBox<UInt64>(0)

    public init() {}

    /// Calls `wake` after each change to mailbox `mailboxID` until `unwatch`.
    public func watch(mailboxID: Int64, wake: @escaping @Sendable () -> Void) -> UInt64 {
        let token = nextToken.withLockedValue { value -> UInt64 in
            value += 1
            return value
        }
        watchers.withLockedValue { $0[token] = Watcher(mailboxID: mailboxID, wake: wake) }
        return token
    }

    public func unwatch(_ token: UInt64) {
        _ = watchers.withLockedValue { $0.removeValue(forKey: token) }
    }

    /// Mailbox `mailboxID` changed.
    public func changed(mailboxID: Int64) {
        let wakes = watchers.withLockedValue { $0.values.filter { $0.mailboxID == mailboxID }.map(\.wake) }
        for wake in wakes { wake() }
    }

    /// Some mailbox may have changed (a delivery outside any session): wake everyone.
    public func changedAny() {
        let wakes = watchers.withLockedValue { $0.values.map(\.wake) }
        for wake in wakes { wake() }
    }
}
