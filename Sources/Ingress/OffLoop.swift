import Foundation

/// Runs CPU-heavy work (password hashing) off the event loops and the
/// cooperative pool, at most one job per core at a time, so a flood of AUTH
/// attempts queues up instead of taking every CPU.
enum OffLoop {
    private static let queue: OperationQueue = {
        let queue = OperationQueue()
        queue.name = "carrier.password-hashing"
        queue.maxConcurrentOperationCount = max(1, ProcessInfo.processInfo.activeProcessorCount)
        return queue
    }()

    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.addOperation { continuation.resume(returning: work()) }
        }
    }
}
