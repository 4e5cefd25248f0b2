import Dispatch

/// Runs CPU-heavy work (password hashing) on a global dispatch queue, so
/// neither an event loop nor the cooperative pool is held for it.
enum OffLoop {
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}
