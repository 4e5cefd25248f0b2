import CarrierAuth
import CarrierConfig
import CarrierStore
import CarrierTesting
import Ingress
import LocalDelivery
import Logging
import MailboxAccess
import MailCore
import NIOConcurrencyHelpers

/// A real SQLite store in a temporary directory with user `alice`
/// (password `secret`), and IMAP connections driven in process.
final class IMAPTestServer: @unchecked Sendable {
    let directory: TemporaryDirectory
    let store: SQLiteMailStore
    let services: MailboxServices
    let alice: UserRecord
    var deliveries = 0

    init(disablePlaintextAuth: Bool = false, messageSizeLimit: Int = 10_240_000, mailboxSizeLimit: Int = 0) async throws {
        directory = try TemporaryDirectory("imap")
        var settings = TestSettings.make(directory: directory.path)
        settings.disablePlaintextAuth = disablePlaintextAuth
        settings.messageSizeLimit = messageSizeLimit
        settings.mailboxSizeLimit = mailboxSizeLimit
        store = try SQLiteMailStore(directory: directory.path + "/data")
        alice = try await store.createUser(address: "alice", passwordHash: try PasswordHash.make(password: "secret", iterations: 4096).description,
                                           isAdmin: false)
        let logger = Logger(label: "test")
        let ingress = IngressServices(settings: settings, store: store, directory: DirectoryCache(store: store),
                                      localDelivery: LocalDeliveryAgent(store: store, logger: logger, queueLogger: logger),
                                      queueIDs: QueueIDGenerator(), authLimiter: AuthFailureLimiter(),
                                      rateLimiter: ClientRateLimiter(connectionLimit: 0, messageLimit: 0),
                                      smtpdLogger: logger, cleanupLogger: logger)
        services = MailboxServices(ingress: ingress, pop3Logger: logger, imapLogger: logger, maildropLocks: MaildropLocks(),
                                   changes: MailboxChangeNotifier(store: store))
    }

    deinit { directory.remove() }

    /// Delivers a message into alice's INBOX as SMTP would, with the header
    /// fields cleanup caches beside it; `headers` are extra lines (CRLF-ended).
    func deliver(subject: String, body: String = "Hello there.", from: String = "bob@example.test",
                 date: String = "Mon, 7 Feb 1994 21:52:25 -0800", headers: String = "") async throws {
        deliveries += 1
        let text = "From: Bob <\(from)>\r\nTo: alice@example.test\r\nSubject: \(subject)\r\nDate: \(date)\r\nMessage-ID: <\(deliveries)@example.test>\r\n\(headers)\r\n\(body)\r\n"
        let header = MessageHeader.parse(Array(text.utf8))
        let metadata = MessageMetadata(subject: subject, from: header["from"], to: header["to"], cc: header["cc"],
                                       messageID: header["message-id"], inReplyTo: header["in-reply-to"], references: header["references"],
                                       date: RFC5322Date.parse(date)?.secondsSince1970)
        let batch = DeliveryBatch(queueID: "Q\(deliveries)", sender: from, content: Array(text.utf8),
                                  metadata: metadata, arrival: 760_000_000 + Int64(deliveries),
                                  localCopies: [.init(userID: alice.id, recipient: "alice")])
        _ = try await store.deliver(batch)
    }

    func connect(tls: Bool = false, startTLSOffered: Bool = true) async -> IMAPTestClient {
        let connection = IMAPConnection(services: services, client: ClientInfo(hostname: "client", address: "192.0.2.1", port: 4000, isTrusted: false),
                                        startTLSOffered: startTLSOffered, implicitTLS: tls)
        let client = IMAPTestClient(connection)
        client.greeting = await client.run(connection.start(tls: nil))
        return client
    }
}

/// Sends bytes to an `IMAPConnection` and collects everything it answers,
/// running each step's `next` work as the transport would.
final class IMAPTestClient: @unchecked Sendable {
    let connection: IMAPConnection
    var greeting = ""
    var closed = false
    var startedTLS = false
    var startedCompression = false
    let pushed = NIOLockedValueBox<String>("")

    init(_ connection: IMAPConnection) {
        self.connection = connection
    }

    /// Runs a step and its `next` chain as the transport would: the size of
    /// each step's output and all the octets.
    static func steps(_ first: ConnectionStep) async -> (sizes: [Int], octets: [UInt8]) {
        var sizes: [Int] = []
        var octets: [UInt8] = []
        var step = first
        while true {
            sizes.append(step.output.bytes.count)
            octets += step.output.bytes
            guard let next = step.next else { return (sizes, octets) }
            step = await next()
        }
    }

    func run(_ first: ConnectionStep) async -> String {
        var bytes: [UInt8] = []
        var step = first
        while true {
            bytes += step.output.bytes
            if step.output.close { closed = true }
            if step.output.startTLS { startedTLS = true }
            if step.output.startCompression { startedCompression = true }
            guard let next = step.next else { break }
            step = await next()
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Sends raw text (CRLF is not added).
    func send(_ text: String) async -> String {
        await run(connection.receive(Array(text.utf8)))
    }

    /// Sends one command line and returns the whole answer.
    func command(_ line: String) async -> String {
        await send(line + "\r\n")
    }

    func login() async -> String {
        await command("a0 LOGIN alice secret")
    }

    /// The tagged completion line of `output` for `tag`.
    static func tagged(_ output: String, _ tag: String) -> String? {
        output.split(separator: "\r\n").map(String.init).first { $0.hasPrefix(tag + " ") }
    }
}

extension IMAPTestServer {
    /// A logged-in client that has run `setup` (ENABLE ...), then selected INBOX.
    func selectedClient(_ setup: String? = nil) async -> IMAPTestClient {
        let client = await connect()
        _ = await client.login()
        if let setup { _ = await client.command("e0 \(setup)") }
        _ = await client.command("s0 SELECT INBOX")
        return client
    }
}
