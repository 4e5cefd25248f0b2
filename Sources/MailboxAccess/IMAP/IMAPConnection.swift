import CarrierStore
import IMAPProtocol
import Ingress
import Logging
import NIOConcurrencyHelpers

/// One IMAP connection (RFC 9051, RFC 3501): frames the client's bytes into
/// commands, runs each against the store, and answers. The state machine of
/// §3 (not authenticated → authenticated → selected → logout) lives here;
/// each command family is in its own extension. Work that waits on the store
/// runs as the step's `next`, so calls never overlap.
public final class IMAPConnection: MailboxConnection, @unchecked Sendable {
    /// The connection state of RFC 9051 §3.
    enum State: Equatable {
        case notAuthenticated
        case authenticated
        case selected
        case logout
    }

    let services: MailboxServices
    let client: ClientInfo
    let startTLSOffered: Bool
    var tlsActive: Bool
    var framer: IMAPCommandFramer
    var authenticator: AccountAuthenticator
    var state = State.notAuthenticated
    /// The logged-in user: store id and account name.
    var userID: Int64 = 0
    var account: String?
    var selected: IMAPMailboxView?
    /// The UIDs `$` stands for: the last `SEARCH RETURN (SAVE)` result
    /// (RFC 5182, RFC 9051 §6.4.4.1); expunged UIDs drop out by themselves.
    var savedResult: [UInt32] = []
    /// Extensions turned on with ENABLE (uppercased names).
    var enabled: Set<String> = []
    /// COMPRESS=DEFLATE is on (RFC 4978); it cannot be turned on twice.
    var compressionActive = false
    /// The tag of an AUTHENTICATE waiting for the client's next line.
    var authenticationTag: String?
    /// The running IDLE: its tag and the watcher pushing updates.
    var idle: IMAPIdleWatch?
    /// A FETCH with responses still to write.
    var fetchRun: IMAPFetchRun?
    var finished = false
    /// When the client last sent anything: the autologout timer runs from here.
    var lastInput = ContinuousClock.now
    /// Writes untagged responses while IDLE waits for DONE; set by the
    /// transport when it can write outside a step (see `setPushSink`).
    let pushSink = NIOLockedValueBox<MailboxPush?>(nil)

    public init(services: MailboxServices, client: ClientInfo, startTLSOffered: Bool, implicitTLS: Bool) {
        self.services = services
        self.client = client
        self.startTLSOffered = startTLSOffered
        self.tlsActive = implicitTLS
        let size = services.ingress.settings.messageSizeLimit
        framer = IMAPCommandFramer(limits: IMAPFramerLimits(maxLiteralSize: size > 0 ? size : 50 * 1024 * 1024))
        authenticator = AccountAuthenticator(services: services.ingress, client: client, log: services.imapLogger)
    }

    var log: Logger { services.imapLogger }

    /// Lets IDLE push untagged responses at once (RFC 2177 §3) through
    /// `sink`, which must write the bytes to the client in order. Without a
    /// sink, what happened during IDLE is reported when DONE arrives.
    public func setPushSink(_ sink: MailboxPush) {
        pushSink.withLockedValue { $0 = sink }
    }

    public func start(tls: (version: String, cipher: String)?) -> ConnectionStep {
        log.info("imap-login: connect from \(client)\(tls.map { ", TLS: \($0.version) with cipher \($0.cipher)" } ?? "")")
        let greeting = IMAPResponse.untagged(.condition(.ok, code: .capability(capabilities), text: "Carrier IMAP4rev2 server ready."))
        return ConnectionStep(output: ConnectionOutput(bytes: encode(greeting)))
    }

    public func receive(_ bytes: [UInt8]) -> ConnectionStep {
        lastInput = .now
        framer.append(bytes)
        return ConnectionStep(output: ConnectionOutput()) { await self.drain() }
    }

    public func tlsEstablished(version: String, cipher: String) -> ConnectionStep {
        log.info("imap-login: TLS connection established from \(client): \(version) with cipher \(cipher)")
        tlsActive = true
        return ConnectionStep(output: ConnectionOutput())
    }

    /// The transport reports silence every `imap_login_timeout` (RFC 9051
    /// §5.4): before login that ends the connection; after it, only
    /// `imap_idle_timeout` (at least 30 minutes by the RFC) of silence does.
    public func timedOut() -> ConnectionStep {
        if state != .notAuthenticated, ContinuousClock.now - lastInput < services.ingress.settings.imapIdleTimeout {
            return ConnectionStep(output: ConnectionOutput())
        }
        log.info("\(who): Disconnected for inactivity: \(client)")
        return closing(IMAPResponse.untagged(.condition(.bye, text: "Disconnected for inactivity.")), reason: "Disconnected for inactivity")
    }

    public func shutdown() -> ConnectionStep {
        closing(IMAPResponse.untagged(.condition(.bye, text: "Server shutting down.")), reason: "Server shutting down")
    }

    public func disconnected() {
        idle?.stop()
        finish(reason: "Disconnected")
    }

    var who: String { account.map { "imap(\($0))" } ?? "imap-login" }

    func closing(_ response: IMAPResponse, reason: String) -> ConnectionStep {
        idle?.stop()
        finish(reason: reason)
        return ConnectionStep(output: ConnectionOutput(bytes: encode(response), close: true))
    }

    func finish(reason: String) {
        guard !finished else { return }
        finished = true
        log.info("\(who): \(reason): \(client)")
    }

    /// How much output one step gathers before it is written: pipelined
    /// commands and a long FETCH go on in the next step, after the client
    /// has taken this much.
    static let outputBudget = 1 << 20

    /// Handles the complete commands (or continuation lines) in the buffer,
    /// until their output fills `outputBudget`.
    func drain() async -> ConnectionStep {
        var output = ConnectionOutput()
        if fetchRun != nil { output.bytes += await continueFetch(room: Self.outputBudget) }
        // A FETCH that could not finish a literal ended the connection.
        if finished { output.close = true }
        while fetchRun == nil, output.bytes.count < Self.outputBudget, !output.close, !output.startTLS, !output.startCompression,
              let event = framer.next() {
            switch event {
            case .needsContinuation:
                output.bytes += encode(.continuation("Ready for literal data"))
                output.quickAcknowledgement = true
            case .error(let error):
                let tag = error.tag ?? "*"
                let response: IMAPResponse = error.isTooBig && error.tag != nil
                    ? .tagged(tag: tag, .no, code: .tooBig, text: error.message)
                    : (error.tag == nil ? .untagged(.condition(.bad, text: error.message)) : .tagged(tag: tag, .bad, text: error.message))
                output.bytes += encode(response)
            case .line(let line):
                output.bytes += await continuationLine(line)
            case .command(let framed):
                switch IMAPCommandParser.parse(framed) {
                case .failure(let error):
                    let response: IMAPResponse = error.tag.map { .tagged(tag: $0, .bad, text: error.message) }
                        ?? .untagged(.condition(.bad, text: error.message))
                    output.bytes += encode(response)
                case .success(let command):
                    await execute(command, into: &output)
                }
            }
        }
        guard !output.close, fetchRun != nil || output.bytes.count >= Self.outputBudget else { return ConnectionStep(output: output) }
        return ConnectionStep(output: output) { await self.drain() }
    }

    /// A line read in raw mode: a SASL response or the DONE of IDLE.
    func continuationLine(_ line: [UInt8]) async -> [UInt8] {
        if authenticationTag != nil { return await authenticationLine(line) }
        if idle != nil { return await idleLine(line) }
        framer.mode = .commands
        return encode(.untagged(.condition(.bad, text: "Unexpected line")))
    }

    func encode(_ response: IMAPResponse) -> [UInt8] {
        IMAPResponseEncoder(utf8: utf8Names).encode(response)
    }

    func encode(_ responses: [IMAPResponse]) -> [UInt8] {
        IMAPResponseEncoder(utf8: utf8Names).encode(responses)
    }

    /// Mailbox names in UTF-8 (IMAP4rev2 or UTF8=ACCEPT, RFC 9051 §5.1, RFC 6855 §3).
    var utf8Names: Bool { enabled.contains("IMAP4REV2") || enabled.contains("UTF8=ACCEPT") }
    var rev2: Bool { enabled.contains("IMAP4REV2") }
    /// QRESYNC implies CONDSTORE (RFC 7162 §3.2.3).
    var condStore: Bool { enabled.contains("CONDSTORE") || qresync }
    /// VANISHED instead of EXPUNGE from now on (RFC 7162 §3.2.10.2).
    var qresync: Bool { enabled.contains("QRESYNC") }
}
