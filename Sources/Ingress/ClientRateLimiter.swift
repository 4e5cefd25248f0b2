import NIOConcurrencyHelpers

/// Postfix anvil's rate limits per client address over one minute:
/// `smtpd_client_connection_rate_limit` (connections) and
/// `smtpd_client_message_rate_limit` (MAIL FROM commands). A limit of 0 is off;
/// trusted `mynetworks` clients are exempt (the caller decides). Memory is
/// bounded: events older than the window are dropped, and at most
/// `maximumClients` addresses are tracked.
public final class ClientRateLimiter: Sendable {
    /// What is being counted.
    public enum Event: Sendable {
        case connection
        case message
    }

    private struct Counters {
        var connections: [ContinuousClock.Instant] = []
        var messages: [ContinuousClock.Instant] = []
    }

    public let connectionLimit: Int
    public let messageLimit: Int
    let window: Duration
    let maximumClients: Int
    let now: @Sendable () -> ContinuousClock.Instant
    private let clients = NIOLockedValueBox<[String: Counters]>([:])

    public init(connectionLimit: Int, messageLimit: Int, window: Duration = .seconds(60), maximumClients: Int = 100_000,
                now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.connectionLimit = connectionLimit
        self.messageLimit = messageLimit
        self.window = window
        self.maximumClients = maximumClients
        self.now = now
    }

    /// Counts one event for `client`; returns false when it is over the limit
    /// (the event is still counted, so a client that keeps trying stays limited).
    public func admit(_ event: Event, from client: String) -> Bool {
        let limit = event == .connection ? connectionLimit : messageLimit
        guard limit > 0 else { return true }
        let current = now()
        let cutoff = current - window
        return clients.withLockedValue { table in
            if table[client] == nil && table.count >= maximumClients {
                table = table.filter { ($0.value.connections.last ?? cutoff) > cutoff || ($0.value.messages.last ?? cutoff) > cutoff }
                if table.count >= maximumClients { return true }
            }
            var counters = table[client] ?? Counters()
            switch event {
            case .connection:
                counters.connections.removeAll { $0 <= cutoff }
                counters.connections.append(current)
                table[client] = counters
                return counters.connections.count <= limit
            case .message:
                counters.messages.removeAll { $0 <= cutoff }
                counters.messages.append(current)
                table[client] = counters
                return counters.messages.count <= limit
            }
        }
    }
}
