import Ingress
import LocalDelivery
import MailCore
import SMTPProtocol

/// Feeds one connection of a destination: takes the next job, loads its
/// message, and settles every recipient of each result through the queue
/// manager's `settle`.
actor ConnectionFeed: OutboundMessageFeed {
    let work: DestinationWork
    let load: @Sendable (OutboundJob) async -> AcceptedMessage?
    let settle: @Sendable (OutboundJob, AcceptedMessage?, [OutboundDelivery.Result]) async -> Void
    private var current: (job: OutboundJob, message: AcceptedMessage)?
    /// Messages this connection handed over.
    private(set) var deliveredCount = 0

    init(work: DestinationWork, load: @escaping @Sendable (OutboundJob) async -> AcceptedMessage?,
         settle: @escaping @Sendable (OutboundJob, AcceptedMessage?, [OutboundDelivery.Result]) async -> Void) {
        self.work = work
        self.load = load
        self.settle = settle
    }

    /// The next message; none once the queue manager is stopping, so the connection ends with QUIT.
    func next() async -> SMTPOutboundMessage? {
        while !Task.isCancelled, let job = await work.next() {
            guard let message = await load(job) else {
                await settle(job, nil, job.recipients.map { _ in .deferred("queued message body is missing") })
                continue
            }
            current = (job, message)
            return job.outboundMessage(body: message.content)
        }
        return nil
    }

    func completed(_ result: SMTPOutboundResult, relay: String) async {
        guard let (job, message) = current else { return }
        current = nil
        let outcomes = job.addresses.map { address -> OutboundDelivery.Result in
            if let failure = result.messageFailure {
                return Self.result(of: failure, relay: relay)
            }
            switch result.recipients.first(where: { $0.address == address })?.outcome {
            case .delivered(let reply)?: return .delivered(relay: relay, reply: reply.description)
            case .failed(let failure)?: return Self.result(of: failure, relay: relay)
            case nil: return .deferred("\(relay): no answer for the recipient")
            }
        }
        if outcomes.contains(where: { if case .delivered = $0 { true } else { false } }) {
            deliveredCount += 1
            await work.succeeded()
        }
        await settle(job, message, outcomes)
    }

    /// Postfix's wording: `host mx.example[192.0.2.1]:25 said: 550 ...`.
    static func result(of failure: SMTPClientFailure, relay: String) -> OutboundDelivery.Result {
        var located = failure
        located.reason = reason(failure, relay: relay)
        return located.isTemporary ? .deferred(located.reason) : .bounced(located.bounceReason)
    }

    static func reason(_ failure: SMTPClientFailure, relay: String) -> String {
        let said = "host said: "
        return failure.reason.hasPrefix(said) ? "host \(relay) said: " + failure.reason.dropFirst(said.count)
                                              : "\(relay): \(failure.reason)"
    }
}
