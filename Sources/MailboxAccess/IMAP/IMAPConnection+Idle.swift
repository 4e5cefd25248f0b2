import IMAPProtocol
import NIOConcurrencyHelpers

/// A running IDLE (RFC 2177): the tag to complete at DONE and, when the
/// transport can push, the task that reports changes as they happen — woken
/// by other sessions through `MailboxChangeNotifier`, and polling the store
/// every second for deliveries, which do not signal it.
final class IMAPIdleWatch: @unchecked Sendable {
    let tag: String
    let woken = NIOLockedValueBox(false)
    var task: Task<Void, Never>?
    var stopWatching: (() -> Void)?

    init(tag: String) {
        self.tag = tag
    }

    /// Stops watching; returns once the task has finished its last report.
    func finish() async {
        stop()
        await task?.value
    }

    func stop() {
        task?.cancel()
        stopWatching?()
        stopWatching = nil
    }
}

extension IMAPConnection {
    /// How often IDLE looks at the store without a wake-up.
    static let idlePollInterval = Duration.seconds(1)

    func startIdle(_ tag: String) async -> [UInt8] {
        let watch = IMAPIdleWatch(tag: tag)
        idle = watch
        framer.mode = .rawLines
        let pending = await synchronize(expunges: true)
        if let sink = pushSink.withLockedValue({ $0 }), let view = selected {
            let changes = services.changes
            let token = changes.watch(mailboxID: view.mailboxID) { watch.woken.withLockedValue { $0 = true } }
            watch.stopWatching = { changes.unwatch(token) }
            watch.task = Task { await self.watchForChanges(watch, sink) }
        }
        return pending + encode(.continuation("idling"))
    }

    /// Reports changes while IDLE lasts: at once after a wake-up, otherwise
    /// every `idlePollInterval`.
    /// While the client is not reading what was pushed, changes wait in the
    /// store (they are reported when it catches up, or at DONE).
    func watchForChanges(_ watch: IMAPIdleWatch, _ sink: MailboxPush) async {
        let step = Duration.milliseconds(100)
        var waited = Duration.zero
        while !Task.isCancelled {
            try? await Task.sleep(for: step)
            waited += step
            let woken = watch.woken.withLockedValue { value -> Bool in
                defer { value = false }
                return value
            }
            guard woken || waited >= Self.idlePollInterval, !Task.isCancelled else { continue }
            guard sink.isWritable() else {
                watch.woken.withLockedValue { $0 = true }
                continue
            }
            waited = .zero
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
