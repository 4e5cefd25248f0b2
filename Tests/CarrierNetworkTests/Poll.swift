/// A condition a test waited for that did not come true in time.
struct PollTimeout: Error, CustomStringConvertible {
    var what: String
    var description: String { "timed out waiting for \(what)" }
}

/// Asks `probe` every few milliseconds until it gives a value, for state that
/// the server changes on its own event loop.
func poll<T>(_ what: String, timeout: Duration = .seconds(10), _ probe: () throws -> T?) async throws -> T {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if let value = try probe() { return value }
        try await Task.sleep(for: .milliseconds(5))
    }
    throw PollTimeout(what: what)
}
