import Foundation

/// Runs blocking work (socket I/O of a test client) on its own thread, so it
/// never occupies the cooperative pool the server under test needs.
public func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.start()
    }
}
