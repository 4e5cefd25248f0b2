import CarrierStore
import Logging

/// Frees the space of mail nobody holds any more: every `interval`, the
/// bodies no message and no queue entry names (after expunges, deleted
/// mailboxes, delivered or bounced queue entries); once at start, body
/// files no row names (left by a crash or a full disk mid-delivery).
struct BodyCollector: Sendable {
    let store: SQLiteMailStore
    let logger: Logger
    let interval: Duration

    func run() async {
        do {
            report(try await store.collectOrphanBodyFiles(), what: "orphaned body files")
        } catch {
            logger.warning("warning: body file collection failed: \(error)")
        }
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            guard !Task.isCancelled else { return }
            do {
                report(try await store.collectUnreferencedBodies(), what: "unreferenced message bodies")
            } catch {
                logger.warning("warning: body collection failed: \(error)")
            }
        }
    }

    private func report(_ collected: CollectedBodies, what: String) {
        guard collected.bodies > 0 else { return }
        logger.info("removed \(collected.bodies) \(what), \(collected.bytes) bytes")
    }
}
