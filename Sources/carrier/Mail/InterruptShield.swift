import Foundation

/// Ignores SIGINT, SIGHUP, SIGTERM and SIGQUIT (process-wide) while a mailbox
/// is being rewritten, so Ctrl-C or a closed terminal cannot leave it
/// half-written; the previous handlers come back afterwards.
enum InterruptShield {
    static let signals = [SIGINT, SIGHUP, SIGTERM, SIGQUIT]

    static func run<T>(_ body: () throws(CommandFailure) -> T) throws(CommandFailure) -> T {
        let previous = signals.map { signal($0, SIG_IGN) }
        defer { for (number, handler) in zip(signals, previous) { signal(number, handler) } }
        return try body()
    }
}
