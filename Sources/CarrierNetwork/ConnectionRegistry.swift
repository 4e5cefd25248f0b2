import NIOConcurrencyHelpers
import NIOCore

/// The open connections of all listeners, counted per client address for
/// `smtpd_client_connection_count_limit`, and reachable for graceful shutdown.
public final class ConnectionRegistry: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var perClient: [String: Int] = [:]
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    /// Registers a channel; returns how many connections its client now has.
    public func add(_ channel: any Channel, client: String) -> Int {
        let count = state.withLockedValue { s -> Int in
            s.channels[ObjectIdentifier(channel)] = channel
            s.perClient[client, default: 0] += 1
            return s.perClient[client] ?? 1
        }
        channel.closeFuture.whenComplete { [weak self] _ in self?.remove(channel, client: client) }
        return count
    }

    private func remove(_ channel: any Channel, client: String) {
        state.withLockedValue { s in
            s.channels[ObjectIdentifier(channel)] = nil
            let left = (s.perClient[client] ?? 1) - 1
            s.perClient[client] = left > 0 ? left : nil
        }
    }

    public var count: Int { state.withLockedValue { $0.channels.count } }

    /// Asks every open connection's session to close (421) for shutdown.
    public func requestShutdown() {
        let channels = state.withLockedValue { Array($0.channels.values) }
        for channel in channels {
            channel.pipeline.fireUserInboundEventTriggered(StreamSessionHandler.ShutdownRequest())
        }
    }
}
