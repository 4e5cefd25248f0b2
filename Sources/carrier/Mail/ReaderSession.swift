/// A mailbox open in `carrier mail`'s reader: the messages, what this session
/// did to each (`MessageState`) and the current message (mailx's "dot").
///
/// Commands that only show messages or change this state are carried out
/// here; the others come back as a `ReaderStep` for `MailReader`, which does
/// the file, terminal and network work. Pure, so the command logic is tested
/// without a terminal.
struct ReaderSession {
    let label: String
    let messages: [MailboxMessage]
    private(set) var states: [MessageState]
    /// The current message, 0-based.
    private(set) var dot: Int
    /// Whether the current message has been shown: `n` shows it if not, else the one after.
    private var dotShown = false

    /// Opens on the first new message, else the first unread, else the first (as mailx).
    init(label: String, messages: [MailboxMessage]) {
        self.label = label
        self.messages = messages
        states = Array(repeating: MessageState(), count: messages.count)
        dot = messages.firstIndex { !$0.isOld } ?? messages.firstIndex { !$0.wasRead } ?? 0
    }

    /// The greeting, the mailbox line and the header summary, as a session starts.
    func opening(width: Int) -> String {
        HeaderSummary.greeting + HeaderSummary.mailboxLine(label: label, messages: messages, states: states)
            + headerLines(width: width)
    }

    /// One summary line per message not deleted.
    func headerLines(width: Int) -> String {
        messages.indices.filter { !states[$0].deleted }.map {
            HeaderSummary.line(number: $0 + 1, message: messages[$0], state: states[$0], isCurrent: $0 == dot, width: width)
        }.joined()
    }

    /// What `q` does with each message: deleted ones go, the rest stay read or old.
    var dispositions: [MessageDisposition] {
        zip(messages, states).map { message, state in state.deleted ? .delete : .keep(read: state.isRead(message)) }
    }

    /// Carries out `command`, or says what `MailReader` must do for it.
    mutating func perform(_ command: ReaderCommand, width: Int) -> ReaderStep {
        do {
            return try step(for: command, width: width)
        } catch {
            return .show(Array((error.message + "\n").utf8))
        }
    }

    /// Records that `s` appended these messages to a file.
    mutating func markSaved(_ indices: [Int]) {
        for index in indices { states[index].saved = true }
    }

    private mutating func step(for command: ReaderCommand, width: Int) throws(ReaderError) -> ReaderStep {
        switch command {
        case .headers:
            let lines = headerLines(width: width)
            return .show(Array((lines.isEmpty ? "No applicable messages\n" : lines).utf8))
        case .print(let list):
            return .show(show(try resolve(list)))
        case .next:
            return .show(show([try nextIndex()]))
        case .delete(let list):
            let indices = try resolve(list)
            for index in indices { states[index].deleted = true }
            moveAfterDeletion(indices.last ?? dot)
            return .show([])
        case .undelete(let list):
            let indices = try list.resolve(count: messages.count, dot: dot) { states[$0].deleted }
            for index in indices { states[index].deleted = false }
            dot = indices.last ?? dot
            dotShown = false
            return .show([])
        case .save(let list, let file):
            let indices = try resolve(list)
            dot = indices.last ?? dot
            return .save(indices, file: file)
        case .reply(let list):
            let indices = try resolve(list)
            guard indices.count == 1 else { throw ReaderError(message: "Reply to one message at a time") }
            dot = indices[0]
            return .reply(indices[0])
        case .quit: return .quit
        case .exit: return .exit
        case .help: return .show(Array(ReaderHelp.text.utf8))
        }
    }

    /// The messages `list` names among those not deleted.
    private func resolve(_ list: MessageList) throws(ReaderError) -> [Int] {
        try list.resolve(count: messages.count, dot: dot) { !states[$0].deleted }
    }

    /// The message `n` shows: the current one if not yet shown, else the next not deleted.
    private func nextIndex() throws(ReaderError) -> Int {
        if !dotShown && messages.indices.contains(dot) && !states[dot].deleted { return dot }
        guard let next = messages.indices.first(where: { $0 > dot && !states[$0].deleted }) else {
            throw ReaderError(message: "At EOF")
        }
        return next
    }

    /// Shows the messages and marks them read; the last becomes current.
    private mutating func show(_ indices: [Int]) -> [UInt8] {
        var text: [UInt8] = []
        for index in indices {
            text += MessageDisplay.text(of: messages[index], number: index + 1)
            states[index].readNow = true
        }
        if let last = indices.last {
            dot = last
            dotShown = true
        }
        return text
    }

    /// After `d`: the next message not deleted becomes current, else the last one before it.
    private mutating func moveAfterDeletion(_ index: Int) {
        let kept = messages.indices.filter { !states[$0].deleted }
        dot = kept.first { $0 > index } ?? kept.last ?? dot
        dotShown = false
    }
}
