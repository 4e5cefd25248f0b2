import SMTPProtocol

/// The jobs waiting for one destination and how many connections may carry
/// them (Postfix's per-destination concurrency): `initial` connections until
/// one of them delivers a message, then up to `limit`. When every connection
/// has failed and none delivered, the destination counts as dead and waiting
/// connections are not opened; the jobs left are deferred by the caller.
/// Later queue passes add their jobs for the same destination to the work in
/// progress, so the limit holds for the destination, not for each pass.
actor DestinationWork {
    private var pending: [OutboundJob]
    private var allowed: Int
    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Bool, Never>] = []
    private(set) var delivered = false
    /// The last connection failure, for the jobs left over.
    private(set) var lastFailure: SMTPClientFailure?
    /// Set once the caller has taken the leftovers: no more jobs are accepted.
    private var closed = false

    init(jobs: [OutboundJob], initial: Int, limit: Int) {
        pending = jobs.reversed()
        self.limit = max(1, limit)
        allowed = min(max(1, initial), self.limit)
    }

    /// True when another connection is allowed and would find a job: never
    /// more connections than jobs waiting.
    private var wantsConnection: Bool {
        running < allowed && running < pending.count
    }

    /// Waits until this connection may open; false when it is not needed.
    func admit() async -> Bool {
        if pending.isEmpty { return false }
        if wantsConnection {
            running += 1
            return true
        }
        return await withCheckedContinuation { waiting.append($0) }
    }

    /// A connection closed.
    func leave() {
        running -= 1
        guard running == 0 else { return }
        let dead = !delivered || pending.isEmpty
        if !dead, !waiting.isEmpty {
            running += 1
            waiting.removeFirst().resume(returning: true)
            return
        }
        for waiter in waiting { waiter.resume(returning: false) }
        waiting = []
    }

    /// Jobs no connection has taken yet.
    var hasPending: Bool { !pending.isEmpty }

    /// The next job for a connection.
    func next() -> OutboundJob? {
        pending.popLast()
    }

    /// A message went through: open the remaining connections.
    func succeeded() {
        delivered = true
        guard allowed < limit else { return }
        allowed = limit
        while wantsConnection, !waiting.isEmpty {
            running += 1
            waiting.removeFirst().resume(returning: true)
        }
    }

    func failed(_ failure: SMTPClientFailure) {
        lastFailure = failure
    }

    /// More jobs for this destination; false once the work is finished, so
    /// the caller starts a new one.
    func add(_ jobs: [OutboundJob]) -> Bool {
        guard !closed else { return false }
        pending.insert(contentsOf: jobs.reversed(), at: 0)
        while wantsConnection, !waiting.isEmpty {
            running += 1
            waiting.removeFirst().resume(returning: true)
        }
        return true
    }

    /// The jobs no connection took; the work accepts no more.
    func leftover() -> [OutboundJob] {
        closed = true
        defer { pending = [] }
        return pending.reversed()
    }
}
