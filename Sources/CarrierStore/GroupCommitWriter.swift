import Foundation
import GRDB

/// Runs many callers' writes in one transaction and one fsync (group commit).
///
/// Callers queue their work and wait; one dedicated writer thread takes
/// everything queued (up to `maximumBatch`), runs it in a single transaction
/// and wakes the callers. Requests that arrive during a commit go together into
/// the next one. Each request runs in its own savepoint, so one failing request
/// rolls back alone; a failed commit fails them all.
final class GroupCommitWriter: Sendable {
    typealias Work = @Sendable (Database) throws -> any Sendable

    fileprivate struct Request: Sendable {
        let work: Work
        let continuation: CheckedContinuation<any Sendable, any Error>
    }

    /// The queue shared with the writer thread, guarded by its condition's lock.
    fileprivate final class Queue: @unchecked Sendable {
        let condition = NSCondition()
        var pending: [Request] = []
        var stopped = false
    }

    private let queue = Queue()
    /// The most requests one transaction takes, so a batch's latency stays bounded.
    static let maximumBatch = 256

    init(writer: any DatabaseWriter) {
        let queue = self.queue
        let thread = Thread { Self.run(queue, writer) }
        thread.name = "carrier-store-writer"
        thread.start()
    }

    deinit {
        queue.condition.lock()
        queue.stopped = true
        queue.condition.signal()
        queue.condition.unlock()
    }

    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let value = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<any Sendable, any Error>) in
            queue.condition.lock()
            queue.pending.append(Request(work: { try work($0) }, continuation: continuation))
            queue.condition.signal()
            queue.condition.unlock()
        }
        guard let typed = value as? T else { throw MailStoreError.corrupt("unexpected write result") }
        return typed
    }

    private static func run(_ queue: Queue, _ writer: any DatabaseWriter) {
        while true {
            queue.condition.lock()
            while queue.pending.isEmpty && !queue.stopped { queue.condition.wait() }
            if queue.pending.isEmpty && queue.stopped {
                queue.condition.unlock()
                return
            }
            let batch = Array(queue.pending.prefix(maximumBatch))
            queue.pending.removeFirst(batch.count)
            queue.condition.unlock()
            commit(batch, writer)
        }
    }

    private static func commit(_ batch: [Request], _ writer: any DatabaseWriter) {
        do {
            let results = try writer.write { db in batch.map { runInSavepoint($0.work, db) } }
            for (request, result) in zip(batch, results) { request.continuation.resume(with: result) }
        } catch {
            for request in batch { request.continuation.resume(throwing: classify(error)) }
        }
    }

    private static func runInSavepoint(_ work: Work, _ db: Database) -> Result<any Sendable, any Error> {
        var outcome: Result<any Sendable, any Error> = .failure(MailStoreError.corrupt("not run"))
        do {
            try db.inSavepoint {
                do {
                    outcome = .success(try work(db))
                    return .commit
                } catch {
                    outcome = .failure(classify(error))
                    return .rollback
                }
            }
        } catch {
            outcome = .failure(classify(error))
        }
        return outcome
    }

    /// Maps SQLite's "disk full" to the store's own error so callers answer 452.
    static func classify(_ error: any Error) -> any Error {
        if let db = error as? DatabaseError, db.resultCode == .SQLITE_FULL { return MailStoreError.storageFull }
        return error
    }
}
