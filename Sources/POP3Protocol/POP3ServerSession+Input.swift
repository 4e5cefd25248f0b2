/// Input handling: taking queued lines as commands or SASL responses.
extension POP3ServerSession {
    /// Runs queued lines until one needs the transport's answer; then checks
    /// the pipelining bound on what is left.
    mutating func process() -> [POP3ServerAction] {
        var actions: [POP3ServerAction] = []
        while waiting == nil, !isClosed, let frame = framer.next() {
            switch input {
            case .command: command(frame, into: &actions)
            case .sasl: saslLine(frame, into: &actions)
            }
        }
        if !isClosed && framer.queuedLineCount > configuration.maximumQueuedCommands {
            actions += close(with: .tooManyPipelinedCommands)
        }
        return actions
    }

    mutating func command(_ frame: POP3CommandFramer.Frame, into actions: inout [POP3ServerAction]) {
        let user = pendingUser
        pendingUser = nil
        switch frame {
        case .tooLong:
            respond(.commandTooLong, into: &actions)
        case .malformed:
            respond(.badLineEnding, into: &actions)
        case .line(let line):
            switch POP3CommandParser.parse(line) {
            case .failure(let response): respond(response, into: &actions)
            case .success(let command): run(command, userBefore: user, into: &actions)
            }
        }
    }

    /// A client line of a SASL exchange (RFC 5034 §4) goes to the transport as
    /// it is, `*` included; a line that cannot be one ends the exchange here.
    mutating func saslLine(_ frame: POP3CommandFramer.Frame, into actions: inout [POP3ServerAction]) {
        input = .command
        switch frame {
        case .line(let line) where line.count + 2 <= configuration.maximumSASLLineLength:
            waiting = .sasl
            actions.append(.saslResponse(String(decoding: line, as: UTF8.self)))
        case .line, .tooLong:
            respond(.saslLineTooLong, into: &actions)
        case .malformed:
            respond(.badLineEnding, into: &actions)
        }
    }

    mutating func run(_ command: POP3Command, userBefore user: String?, into actions: inout [POP3ServerAction]) {
        guard command.isValid(in: state) else {
            respond(.notValid(in: state), into: &actions)
            return
        }
        switch command {
        case .user(let name): self.user(name, into: &actions)
        case .pass(let password): pass(password, user: user, into: &actions)
        case .apop: respond(.apopUnsupported, into: &actions)
        case .auth(let mechanism, let initialResponse): auth(mechanism, initialResponse, into: &actions)
        case .stls: stls(into: &actions)
        case .utf8:
            utf8Enabled = true
            respond(.utf8Enabled, into: &actions)
        case .capa:
            let lines = configuration.capabilities(state: state, tlsActive: tlsActive)
            actions.append(.send(POP3Response.capabilityList.encoded(lines: lines)))
        case .quit: quit(into: &actions)
        case .stat: stat(into: &actions)
        case .list(let number): list(number, into: &actions)
        case .uidl(let number): uidl(number, into: &actions)
        case .retr(let number): retrieve(number, topLines: nil, into: &actions)
        case .top(let number, let lines): retrieve(number, topLines: lines, into: &actions)
        case .dele(let number): dele(number, into: &actions)
        case .noop: respond(.ok(), into: &actions)
        case .rset: rset(into: &actions)
        }
    }
}
