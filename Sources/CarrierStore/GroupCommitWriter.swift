import GRDB

/// Runs many callers' writes in one transaction and one fsync (group commit).
///
/// Requests that arrive while a transaction is being committed wait and go
/// together into the next one. Each request runs in its own savepoint, so one
/// failing request rolls back alone; a failed commit fails them all.
actor GroupCommitWriter {
    typealias Work = @Sendable (Database) throws -> any Sendable

    private struct Request: Sendable {
        let work: Work
        let continuation: CheckedContinuation<any Sendable, any Error>
    }

    private let writer: any DatabaseWriter
    private var pending: [Request] = []
    private var flushing = false
    /// The most requests one transaction takes, so a batch's latency stays bounded.
    private let maximumBatch = 256

    init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let value = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<any Sendable, any Error>) in
            pending.append(Request(work: { try work($0) }, continuation: continuation))
            if !flushing {
                flushing = true
                Task { await self.flush() }
            }
        }
        guard let typed = value as? T else { throw MailStoreError.corrupt("unexpected write result") }
        return typed
    }

    private func flush() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(maximumBatch))
            pending.removeFirst(batch.count)
            let works = batch.map(\.work)
            do {
                let results = try await writer.write { db -> [Result<any Sendable, any Error>] in
                    works.map { work in
                        var outcome: Result<any Sendable, any Error> = .failure(MailStoreError.corrupt("not run"))
                        do {
                            try db.inSavepoint {
                                do {
                                    outcome = .success(try work(db))
                                    return .commit
                                } catch {
                                    outcome = .failure(error)
                                    return .rollback
                                }
                            }
                        } catch {
                            outcome = .failure(error)
                        }
                        return outcome
                    }
                }
                for (request, result) in zip(batch, results) { request.continuation.resume(with: result) }
            } catch {
                for request in batch { request.continuation.resume(throwing: Self.classify(error)) }
            }
        }
        flushing = false
    }

    /// Maps SQLite's "disk full" to the store's own error so callers answer 452.
    static func classify(_ error: any Error) -> any Error {
        if let db = error as? DatabaseError, db.resultCode == .SQLITE_FULL { return MailStoreError.storageFull }
        return error
    }
}
