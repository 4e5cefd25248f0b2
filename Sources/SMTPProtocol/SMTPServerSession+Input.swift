/// Input handling: framing commands, receiving DATA and BDAT content.
extension SMTPServerSession {
    mutating func process() -> [SMTPServerAction] {
        var actions: [SMTPServerAction] = []
        while waiting == nil && !isClosed && position < buffer.count {
            switch input {
            case .command:
                if let next = framer.discard(in: buffer, from: position) {
                    position = next
                    continue
                }
                guard let (frame, next) = framer.next(in: buffer, from: position) else { break }
                position = next
                switch frame {
                case .tooLong:
                    statistics.record("unknown", ok: false)
                    send(.commandLineTooLong, into: &actions)
                case .bareNewline:
                    statistics.record("unknown", ok: false)
                    send(.bareNewlineCommand, into: &actions)
                case .line(let line):
                    runCommandLine(Array(line), into: &actions)
                }
                continue
            case .data(var receiver):
                lastCommandVerb = "DATA"
                let end = receiver.consume(buffer, from: position)
                position = end ?? buffer.count
                input = .data(receiver)
                if end != nil { finishDATA(receiver, into: &actions) }
                continue
            case .sasl:
                guard let (frame, next) = saslFramer.next(in: buffer, from: position) else { break }
                position = next
                input = .command
                switch frame {
                case .line(let line):
                    waiting = .sasl
                    actions.append(.saslResponse(String(decoding: line, as: UTF8.self)))
                case .tooLong:
                    input = .saslOverflow
                    record("auth", SMTPReply(500, .init(5, 5, 6), "Error: authentication exchange line is too long"), into: &actions)
                case .bareNewline:
                    record("auth", .syntax("Error: malformed authentication response"), into: &actions)
                }
                continue
            case .saslOverflow:
                guard let next = saslFramer.discard(in: buffer, from: position) else { break }
                position = next
                if !saslFramer.isDiscarding { input = .command }
                continue
            case .tlsHandshake:
                position = buffer.count
                continue
            case .bdat(var receiver, let last, let keep):
                let end = receiver.consume(buffer, from: position, keep: keep)
                position = end ?? buffer.count
                input = .bdat(receiver, last: last, keep: keep)
                if end != nil { finishChunk(receiver, last: last, keep: keep, into: &actions) }
                continue
            }
            break
        }
        compactBuffer()
        return actions
    }

    /// Drops consumed bytes so the buffer holds only what is still to be read.
    mutating func compactBuffer() {
        if position == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.count <= 65_536)
            position = 0
        } else if position > 65_536 {
            buffer.removeFirst(position)
            position = 0
        }
    }

    mutating func runCommandLine(_ line: [UInt8], into actions: inout [SMTPServerAction]) {
        let verbEnd = line.firstIndex(of: UInt8(ascii: " ")) ?? line.endIndex
        let verb = String(decoding: line[..<verbEnd], as: UTF8.self).uppercased()
        lastCommandVerb = verb.count <= 12 ? verb : "UNKNOWN"
        if line.count + 2 > configuration.maximumCommandLineLength && !SMTPCommandTable.extendedLineVerbs.contains(verb) {
            statistics.record("unknown", ok: false)
            send(.commandLineTooLong, into: &actions)
            return
        }
        switch SMTPCommandParser.parse(line[...]) {
        case .failure(let reply):
            let known = ["EHLO", "HELO", "MAIL", "RCPT", "DATA", "BDAT", "RSET", "NOOP", "QUIT", "VRFY", "EXPN",
                         "HELP", "STARTTLS", "AUTH"].contains(verb)
            statistics.record(known ? verb.lowercased() : "unknown", ok: false)
            send(reply, into: &actions)
        case .success(let command):
            run(command, into: &actions)
        }
    }

    mutating func finishDATA(_ receiver: DATAReceiver, into actions: inout [SMTPServerAction]) {
        input = .command
        let refusal: SMTPReply? = switch receiver.refusal {
        case .bareNewline?: .bareNewlineInData
        case .lineTooLong?: .dataLineTooLong(configuration.maximumTextLineLength)
        case .tooBig?: .messageTooBig
        case nil: nil
        }
        if let refusal {
            transaction = nil
            actions.append(.transactionAborted)
            record("data", refusal, into: &actions)
            return
        }
        deliver(receiver.message, verb: "data", into: &actions)
    }

    mutating func finishChunk(_ receiver: BDATReceiver, last: Bool, keep: Bool, into actions: inout [SMTPServerAction]) {
        input = .command
        guard keep else {
            record("bdat", chunkingRefusal ?? .badSequence("Error: need RCPT command"), into: &actions)
            return
        }
        chunking = receiver
        if receiver.tooBig { chunkingRefusal = .messageTooBig }
        guard last else {
            record("bdat", chunkingRefusal ?? SMTPReply(250, .init(2, 0, 0), "Ok: \(receiver.message.count) octets"),
                   into: &actions)
            return
        }
        let message = receiver.message
        let refusal = chunkingRefusal
        chunking = nil
        chunkingRefusal = nil
        if let refusal {
            transaction = nil
            actions.append(.transactionAborted)
            record("bdat", refusal, into: &actions)
            return
        }
        deliver(message, verb: "bdat", into: &actions)
    }

    mutating func deliver(_ message: [UInt8], verb: String, into actions: inout [SMTPServerAction]) {
        guard let transaction else { return }
        waiting = .delivery(verb: verb)
        actions.append(.deliver(transaction, message))
    }
}
