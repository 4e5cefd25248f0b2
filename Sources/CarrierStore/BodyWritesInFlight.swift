import Synchronization

/// The hashes of bodies being stored right now (file written, transaction
/// not yet committed). Collection never removes the file of such a body:
/// a delivery that found the file already there relies on it.
final class BodyWritesInFlight: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    /// Marks `hashes` as being stored until `leave` is called with them.
    func enter(_ hashes: [String]) {
        counts.withLock { counts in
            for hash in hashes { counts[hash, default: 0] += 1 }
        }
    }

    func leave(_ hashes: [String]) {
        counts.withLock { counts in
            for hash in hashes {
                let left = (counts[hash] ?? 1) - 1
                counts[hash] = left > 0 ? left : nil
            }
        }
    }

    /// Runs `remove` for `hash` unless a write of it is in flight, holding
    /// the lock so that no write can start in between; false when skipped.
    func unlessInFlight(_ hash: String, _ remove: () -> Void) -> Bool {
        counts.withLock { counts in
            guard counts[hash] == nil else { return false }
            remove()
            return true
        }
    }
}
