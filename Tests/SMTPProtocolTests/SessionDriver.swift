import MailCore
@testable import SMTPProtocol

/// Drives an `SMTPServerSession` like a transport would, answering its checks
/// with fixed decisions, and records what it sent.
struct SessionDriver {
    var session: SMTPServerSession
    var replies: [SMTPReply] = []
    var delivered: [(SMTPTransaction, [UInt8])] = []
    var closed = false
    var aborted = 0
    var rejectRecipient: (EmailAddress) -> SMTPReply? = { _ in nil }
    var startedTLS = 0
    /// Scripted SASL: the user "alice" with password line "secret" (one challenge round).
    var saslLines: [String] = []

    init(_ configure: (inout SMTPServerConfiguration) -> Void = { _ in }) {
        var config = SMTPServerConfiguration(hostname: "mx.example.test", banner: "mx.example.test ESMTP Carrier")
        configure(&config)
        session = SMTPServerSession(configuration: config)
        run(session.start())
    }

    mutating func send(_ text: String) {
        run(session.receive(Array(text.utf8)))
    }

    mutating func send(bytes: [UInt8]) {
        run(session.receive(bytes))
    }

    mutating func run(_ actions: [SMTPServerAction]) {
        var queue = actions
        while !queue.isEmpty {
            let action = queue.removeFirst()
            switch action {
            case .send(let reply): replies.append(reply)
            case .checkSender: queue += session.handle(.senderChecked(.senderOk))
            case .checkRecipient(let address, _, _):
                queue += session.handle(.recipientChecked(rejectRecipient(address) ?? .recipientOk))
            case .verify(let arg): queue += session.handle(.verified(SMTPReply(250, .init(2, 0, 0), "<\(arg)>")))
            case .deliver(let transaction, let message):
                delivered.append((transaction, message))
                queue += session.handle(.delivered(SMTPReply(250, .init(2, 0, 0), "Ok: queued as TEST")))
            case .transactionAborted: aborted += 1
            case .close: closed = true
            case .startTLS: startedTLS += 1
            case .authenticate(_, let initial):
                if let initial { saslLines.append(initial) }
                queue += session.handle(initial == "c2VjcmV0" ? .authenticated("alice") : .saslChallenge(""))
            case .saslResponse(let line):
                saslLines.append(line)
                if line == "*" {
                    queue += session.handle(.authenticationFailed(SMTPReply(501, .init(5, 7, 0), "Authentication aborted")))
                } else if line == "c2VjcmV0" {
                    queue += session.handle(.authenticated("alice"))
                } else {
                    queue += session.handle(.authenticationFailed(SMTPReply(535, .init(5, 7, 8), "Authentication failed")))
                }
            }
        }
    }

    var codes: [Int] { replies.map(\.code) }
    var lastCode: Int? { replies.last?.code }
}
