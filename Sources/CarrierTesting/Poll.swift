/// A condition a test waited for that did not come true in time.
public struct PollTimeout: Error, CustomStringConvertible {
    public var what: String
    public var description: String { "timed out waiting for \(what)" }

    public init(what: String) {
        self.what = what
    }
}

/// Asks `probe` every few milliseconds until it gives a value, for state that
/// the server changes on its own event loop.
public func poll<T>(_ what: String, timeout: Duration = .seconds(10), _ probe: () throws -> T?) async throws -> T {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if let value = try probe() { return value }
        try await Task.sleep(for: .milliseconds(5))
    }
    throw PollTimeout(what: what)
}
