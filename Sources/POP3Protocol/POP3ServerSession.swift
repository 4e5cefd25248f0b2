/// The server side of one POP3 connection as a pure state machine
/// (RFC 1939 §3: AUTHORIZATION → TRANSACTION → UPDATE).
///
/// The transport feeds it `POP3ServerEvent`s — the client's bytes and the
/// answers to earlier actions — and carries out the `POP3ServerAction`s it
/// returns, in order. While it waits for an answer it keeps pipelined input
/// queued (RFC 2449 §6.6) and resumes with it once the answer arrives; a
/// client that queues more than `maximumQueuedCommands` is disconnected.
///
/// Deletions are only ever committed after QUIT in the TRANSACTION state
/// (RFC 1939 §6); a session ended by a timeout, too many errors, shutdown or
/// a dropped connection releases the maildrop with nothing removed.
public struct POP3ServerSession: Sendable {
    /// What kind of line comes next.
    enum Input: Sendable {
        case command
        /// The client's answer to a SASL challenge (RFC 5034 §4).
        case sasl
    }

    /// An answer the session is waiting for.
    enum Waiting: Equatable, Sendable {
        case tls
        case password
        case sasl
        case maildrop
        case message(number: Int, topLines: Int?)
        case deletions
    }

    public let configuration: POP3ServerConfiguration
    public internal(set) var state = POP3SessionState.authorization
    /// True once TLS is active (after STLS, or from the start on implicit TLS).
    public internal(set) var tlsActive: Bool
    /// Set by the UTF8 command (RFC 6856); the transport may use it to
    /// decide how to present internationalised messages.
    public internal(set) var utf8Enabled = false
    /// The user named by the transport's `.authenticated`, once logged in.
    public internal(set) var authenticatedUser: String?
    /// The open maildrop, in the TRANSACTION and UPDATE states.
    public internal(set) var maildrop: POP3Maildrop?
    public internal(set) var isClosed = false
    var framer: POP3CommandFramer
    var input = Input.command
    var waiting: Waiting?
    /// The name from a USER command, valid only for the PASS right after it (RFC 1939 §7).
    var pendingUser: String?
    /// Whether the maildrop is locked and not yet released.
    var maildropLocked = false
    var errorCount = 0

    public init(configuration: POP3ServerConfiguration) {
        self.configuration = configuration
        self.tlsActive = configuration.tlsFromStart
        self.framer = POP3CommandFramer(maximumLineLength: max(POP3CommandParser.maximumCommandLength,
                                                               configuration.maximumSASLLineLength))
    }

    /// Complete commands received and not yet answered.
    public var queuedCommandCount: Int { framer.queuedLineCount }

    /// Whether the session is waiting for the transport's answer to an action;
    /// input that arrives meanwhile is queued (or dropped during a TLS handshake).
    public var isAwaitingTransport: Bool { waiting != nil }

    public mutating func handle(_ event: POP3ServerEvent) -> [POP3ServerAction] {
        if isClosed { return lateAnswer(event) }
        var actions: [POP3ServerAction] = []
        switch (event, waiting) {
        case (.connected, _):
            return [.send(POP3Response.ok(configuration.greeting).encoded())]
        case (.bytes, .tls?):
            return []
        case (.bytes(let bytes), _):
            framer.append(bytes)
        case (.idleTimeout, _):
            return close(with: .inactivity)
        case (.shutdown, _):
            return close(with: .shuttingDown)
        case (.disconnected, _):
            return close(with: nil)
        case (.tlsEstablished, .tls?):
            waiting = nil
            tlsActive = true
            pendingUser = nil
            utf8Enabled = false
        case (.saslChallenge(let text), .sasl?):
            waiting = nil
            input = .sasl
            actions.append(.send(Array("+ \(text)\r\n".utf8)))
        case (.authenticated(let user), .password?), (.authenticated(let user), .sasl?):
            authenticatedUser = user
            waiting = .maildrop
            return [.openMaildrop(user: user)]
        case (.authenticationFailed(let response), .password?), (.authenticationFailed(let response), .sasl?):
            waiting = nil
            respond(response, into: &actions)
        case (.maildropOpened(let messages), .maildrop?):
            waiting = nil
            opened(POP3Maildrop(messages: messages), into: &actions)
        case (.maildropFailed(let failure), .maildrop?):
            waiting = nil
            authenticatedUser = nil
            respond(.maildropFailed(failure), into: &actions)
        case (.messageLoaded(let bytes), .message(_, let topLines)?):
            waiting = nil
            sendMessage(bytes, topLines: topLines, into: &actions)
        case (.messageLoadFailed, .message(let number, _)?):
            waiting = nil
            respond(.messageUnreadable(number), into: &actions)
        case (.deletionsCommitted, .deletions?):
            waiting = nil
            return signOff(.signingOff(configuration.hostname, left: maildrop?.count))
        case (.deletionsFailed, .deletions?):
            waiting = nil
            return signOff(.deletionsFailed)
        default:
            return []
        }
        return actions + process()
    }

    /// An answer arriving after the session closed: a maildrop locked or
    /// updated meanwhile still has to be released.
    mutating func lateAnswer(_ event: POP3ServerEvent) -> [POP3ServerAction] {
        switch (event, waiting) {
        case (.maildropOpened, .maildrop?), (.deletionsCommitted, .deletions?), (.deletionsFailed, .deletions?):
            waiting = nil
            maildropLocked = false
            return [.releaseMaildrop]
        default:
            return []
        }
    }

    /// Sends `response`; an `-ERR` counts towards `maximumBadCommands`.
    mutating func respond(_ response: POP3Response, into actions: inout [POP3ServerAction]) {
        actions.append(.send(response.encoded()))
        guard !response.isPositive else { return }
        errorCount += 1
        if errorCount >= configuration.maximumBadCommands {
            actions += close(with: .tooManyBadCommands)
        }
    }

    /// Ends the session without the UPDATE state (RFC 1939 §3): sends
    /// `response` and closes, or, for a connection already gone, only
    /// releases. A maildrop still being opened or updated is released when
    /// the transport's answer arrives (`lateAnswer`).
    mutating func close(with response: POP3Response?) -> [POP3ServerAction] {
        isClosed = true
        framer.removeAll()
        var actions: [POP3ServerAction] = []
        if let response { actions.append(.send(response.encoded())) }
        if maildropLocked && waiting != .deletions {
            maildropLocked = false
            actions.append(.releaseMaildrop)
        }
        if response != nil { actions.append(.close) }
        return actions
    }

    /// The end of the UPDATE state (RFC 1939 §6): the QUIT response, then release and close.
    mutating func signOff(_ response: POP3Response) -> [POP3ServerAction] {
        isClosed = true
        framer.removeAll()
        var actions: [POP3ServerAction] = [.send(response.encoded())]
        if maildropLocked {
            maildropLocked = false
            actions.append(.releaseMaildrop)
        }
        return actions + [.close]
    }
}
