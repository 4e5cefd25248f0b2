import MailCore
@testable import SMTPProtocol

/// Drives an `SMTPClientSession` with scripted server replies and keeps every
/// action it returned.
struct ClientConversation {
    static let greeting = "220 mx.example.test ESMTP\r\n"

    var session: SMTPClientSession

    init(_ configure: (inout SMTPClientConfiguration) -> Void = { _ in }) {
        var configuration = SMTPClientConfiguration(ehloName: "client.example.test", tls: .none)
        configure(&configuration)
        session = SMTPClientSession(configuration: configuration)
        _ = session.handle(.connected)
    }

    /// A session past greeting and EHLO whose server announced `keywords`.
    static func ready(_ keywords: [String], _ configure: (inout SMTPClientConfiguration) -> Void = { _ in })
        -> ClientConversation {
        var conversation = ClientConversation(configure)
        _ = conversation.server(greeting)
        _ = conversation.server(ehloReply(keywords))
        return conversation
    }

    static func ehloReply(_ keywords: [String]) -> String {
        (["mx.example.test"] + keywords).enumerated().map { index, line in
            "250\(index == keywords.count ? " " : "-")\(line)\r\n"
        }.joined()
    }

    mutating func server(_ text: String) -> [SMTPClientAction] {
        session.handle(.bytes(Array(text.utf8)))
    }

    mutating func event(_ event: SMTPClientEvent) -> [SMTPClientAction] {
        session.handle(event)
    }

    static func address(_ text: String) -> EmailAddress {
        let parts = text.split(separator: "@")
        return EmailAddress(localPart: String(parts[0]), domain: String(parts[1]))
    }

    static func message(_ recipients: [String] = ["bob@remote.test"], body: String = "Subject: hi\r\n\r\nHello\r\n",
                        _ configure: (inout SMTPOutboundMessage) -> Void = { _ in }) -> SMTPOutboundMessage {
        var message = SMTPOutboundMessage(
            sender: address("alice@local.test"),
            recipients: recipients.map { .init(address: address($0), parameters: RcptParameters()) },
            body: Array(body.utf8))
        configure(&message)
        return message
    }
}

extension [SMTPClientAction] {
    /// Everything the client wrote, as text.
    var sent: String {
        String(decoding: flatMap { action -> [UInt8] in
            if case .send(let bytes) = action { return bytes }
            return []
        }, as: UTF8.self)
    }

    var results: [SMTPOutboundResult] {
        compactMap { if case .messageResult(let result) = $0 { result } else { nil } }
    }

    var connectionFailure: SMTPClientFailure? {
        for case .connectionFailed(let failure) in self { return failure }
        return nil
    }
}

extension SMTPOutboundResult {
    /// `delivered` or `failed 4xx` / `failed 5xx` per recipient, for short expectations.
    var summary: [String] {
        recipients.map {
            switch $0.outcome {
            case .delivered(let reply): "delivered \(reply.code)"
            case .failed(let failure): "\(failure.isTemporary ? "deferred" : "bounced") \(failure.reply?.code ?? 0)"
            }
        }
    }
}
