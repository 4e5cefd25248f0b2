import IMAPProtocol
import NIOConcurrencyHelpers

/// A running IDLE (RFC 2177): the tag to complete at DONE and, when the
/// transport can push, the task that reports changes as they happen, woken
/// through `MailboxChangeNotifier` — by other sessions' writes at once, and
/// by the notifier's look at the store for deliveries.
final class IMAPIdleWatch: @unchecked Sendable {
    let tag: String
    /// One pending wake-up at most: wake-ups while a report is made fold into one.
    let wakeUps: AsyncStream<Void>
    private let wakeUp: AsyncStream<Void>.Continuation
    var task: Task<Void, Never>?
    var stopWatching: (() -> Void)?

    init(tag: String) {
        self.tag = tag
        (wakeUps, wakeUp) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    func wake() {
        wakeUp.yield()
    }

    /// Stops watching; returns once the task has finished its last report.
    func finish() async {
        stop()
        await task?.value
    }

    func stop() {
        stopWatching?()
        stopWatching = nil
        wakeUp.finish()
        task?.cancel()
    }
}

extension IMAPConnection {
    /// How long IDLE waits between looks at a client that is not reading what was pushed.
    static let idleWriteCheckInterval = Duration.milliseconds(100)

    func startIdle(_ tag: String) async -> [UInt8] {
        let watch = IMAPIdleWatch(tag: tag)
        idle = watch
        framer.mode = .rawLines
        let pending = await synchronize(expunges: true)
        if let sink = pushSink.withLockedValue({ $0 }), let view = selected {
            let changes = services.changes
            let token = changes.watch(mailboxID: view.mailboxID, knownModSeq: view.highestModSeq) { watch.wake() }
            watch.stopWatching = { changes.unwatch(token) }
            watch.task = Task { await self.watchForChanges(watch, sink) }
        }
        return pending + encode(.continuation("idling"))
    }

    /// Reports changes while IDLE lasts, after each wake-up. While the
    /// client is not reading what was pushed, changes wait in the store
    /// (they are reported when it catches up, or at DONE).
    func watchForChanges(_ watch: IMAPIdleWatch, _ sink: MailboxPush) async {
        for await _ in watch.wakeUps {
            while !sink.isWritable(), !Task.isCancelled {
                try? await Task.sleep(for: Self.idleWriteCheckInterval)
            }
            guard !Task.isCancelled else { return }
            let bytes = await synchronize(expunges: true)
            if !bytes.isEmpty, !Task.isCancelled { sink.write(bytes) }
        }
    }

    /// DONE ends IDLE (RFC 2177 §3); anything else is an error that ends it
    /// too, and is then run as the command it is (a client that sent a
    /// command while idling still gets its tagged answer).
    func idleLine(_ line: [UInt8]) async -> [UInt8] {
        guard let watch = idle else { return [] }
        await watch.finish()
        idle = nil
        framer.mode = .commands
        let updates = await synchronize(expunges: true)
        guard IMAPContinuationLine.isIdleDone(line) else {
            framer.reframe(line)
            return updates + encode(bad(watch.tag, "Expected DONE"))
        }
        return updates + encode(ok(watch.tag, "IDLE terminated"))
    }
}
