import NIOPosix

/// File work that can wait on the disk — writing and fsyncing a large body
/// file, reading one — runs on NIO's blocking thread pool, never on Swift's
/// cooperative threads: every session shares those (two on a two-core
/// machine), so one slow fsync there would stall half the server.
enum BlockingFileWork {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(work)
    }
}
